/**
 * Our inferred request types against the official `openai` package's types for the same bodies.
 * The assignments are checked by `tsc` (`npm run typecheck`); the runtime part checks that bodies
 * typed with the SDK's types pass our schemas.
 *
 * Two known differences are stripped before comparing:
 * - zod's `.optional()` infers `key?: T | undefined`, which `exactOptionalPropertyTypes` does not
 *   let into the SDK's `key?: T`; the values are the same once serialised to JSON.
 * - we accept `null` for `audio.input.noise_reduction` and `audio.input.transcription`, as the
 *   reference's descriptions ("can be set to null") and defaults (`default: null`) say; the SDK's
 *   types do not.
 */
import type {
  CallAcceptParams,
  CallReferParams,
  CallRejectParams,
} from "openai/resources/realtime/calls";
import type { ClientSecretCreateParams } from "openai/resources/realtime/client-secrets";
import type {
  RealtimeSessionCreateRequest as SdkRealtimeSession,
  RealtimeTranscriptionSessionCreateRequest as SdkTranscriptionSession,
} from "openai/resources/realtime/realtime";
import type { ClientSecretCreateParams as SdkTranslationClientSecretParams } from "openai/resources/realtime/translations/client-secrets";
import { describe, expect, it } from "vitest";
import {
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranslationClientSecretCreateRequest,
  validate,
  type RealtimeCallAcceptRequest,
  type RealtimeCallReferRequest,
  type RealtimeTranscriptionSessionCreateRequestGA,
} from "../../../src/schemas";

type NullableAsSdk = "noise_reduction" | "transcription";

/** Our type as the SDK would write it: no `| undefined` on optional keys, no `null` where it has none. */
type AsSdk<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer U)[]
    ? AsSdk<U>[]
    : T extends object
      ? { [K in keyof T]: AsSdk<Exclude<T[K], K extends NullableAsSdk ? undefined | null : undefined>> }
      : T;

/** Compiles only when `Ours` is assignable to `Theirs`. */
type Assignable<Ours extends Theirs, Theirs> = [Ours, Theirs];

export type Checks = [
  Assignable<AsSdk<RealtimeSessionCreateRequestGA>, SdkRealtimeSession>,
  Assignable<AsSdk<RealtimeTranscriptionSessionCreateRequestGA>, SdkTranscriptionSession>,
  Assignable<AsSdk<RealtimeCreateClientSecretRequest>, ClientSecretCreateParams>,
  Assignable<AsSdk<RealtimeCallAcceptRequest>, CallAcceptParams>,
  Assignable<AsSdk<RealtimeCallReferRequest>, CallReferParams>,
  Assignable<AsSdk<RealtimeCallRejectRequest>, CallRejectParams>,
  Assignable<AsSdk<RealtimeTranslationClientSecretCreateRequest>, SdkTranslationClientSecretParams>,
];

describe("bodies typed with the official SDK's types", () => {
  it("a client secret request passes our schema", () => {
    const body: ClientSecretCreateParams = {
      expires_after: { anchor: "created_at", seconds: 600 },
      session: {
        type: "realtime",
        model: "gpt-realtime",
        audio: {
          input: { format: { type: "audio/pcm", rate: 24000 }, turn_detection: { type: "semantic_vad", eagerness: "low" } },
          output: { voice: "marin", speed: 1.2 },
        },
        tools: [{ type: "function", name: "lookup", parameters: { type: "object" } }],
        tool_choice: "auto",
        max_output_tokens: "inf",
        truncation: { type: "retention_ratio", retention_ratio: 0.5 },
        tracing: "auto",
      },
    };
    expect(validate(RealtimeCreateClientSecretRequest, body)).toEqual({ ok: true, value: body });
  });

  it("an accept body passes our schema", () => {
    const body: CallAcceptParams = { type: "realtime", instructions: "Hi", output_modalities: ["text"], prompt: null };
    expect(validate(RealtimeSessionCreateRequestGA, body)).toEqual({ ok: true, value: body });
  });

  it("reject and translation bodies pass our schemas", () => {
    const reject: CallRejectParams = { status_code: 486 };
    expect(validate(RealtimeCallRejectRequest, reject)).toEqual({ ok: true, value: reject });
    const translation: SdkTranslationClientSecretParams = {
      session: { model: "gpt-realtime-translate", audio: { output: { language: "fr" } } },
    };
    expect(validate(RealtimeTranslationClientSecretCreateRequest, translation)).toEqual({ ok: true, value: translation });
  });
});
