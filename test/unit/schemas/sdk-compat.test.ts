/**
 * Bodies typed with the official `openai` package's types pass our schemas. The type-level
 * comparison (our inferred types assignable to the SDK's) lives in test/types/sdk-compat.ts, which
 * only `npm run typecheck` checks, so it is not counted as tests.
 */
import type { CallAcceptParams, CallRejectParams } from "openai/resources/realtime/calls";
import type { ClientSecretCreateParams } from "openai/resources/realtime/client-secrets";
import type { ClientSecretCreateParams as SdkTranslationClientSecretParams } from "openai/resources/realtime/translations/client-secrets";
import { describe, expect, it } from "vitest";
import {
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranslationClientSecretCreateRequest,
  validate,
} from "../../../src/schemas";

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
