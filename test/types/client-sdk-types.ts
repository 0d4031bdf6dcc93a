// Type-level comparison with the official `openai` SDK (devDependency, pinned): the bodies our
// client accepts and the bodies the SDK accepts for the same endpoints. `tsc -p tsconfig.json`
// checks these (`npm run typecheck`). This file is never run and holds no tests: at run time
// `expectTypeOf` does nothing, so counting these as passing tests would claim what no run checks.
//
// Found differences (ours vs openai 7.57), and why they stand:
// - Optional fields: z.infer spells them `?: T | undefined`, SDK interfaces `?: T`. Under
//   exactOptionalPropertyTypes (this repo) that alone blocks assignment; `Settled` below strips it
//   so the comparison is about the API shape.
// - GA session `audio` (accept, client secret, call create): our inferred type is
//   `{ input?: unknown; output?: unknown }` (the schema's generic builder loses the inner types),
//   so SDK bodies fit ours but ours do not fit the SDK's `RealtimeAudioConfig`. Left out below.
// - GA session `prompt.variables`: ours accepts a wider set of input-content shapes than the
//   SDK's `ResponseInputText | ResponseInputImage | ResponseInputFile`.
// - GA session `tracing.metadata`: the SDK allows `unknown`, ours an object.
// - Function tools: the SDK's `type` is optional and `parameters` is `unknown`; ours requires
//   `type: "function"` (as the reference does) and takes an object.
// - Legacy `POST /realtime/sessions`: the reference (our source of truth) gives `client_secret`
//   the response shape `{ value, expires_at }`; the SDK gives `{ expires_after }`. Ours is wider on
//   `model`, `voice`, `turn_detection`, `input_audio_transcription`; the SDK's `tools` and
//   `tracing` differ in detail.
// - Legacy `POST /realtime/transcription_sessions`: the reference allows only `server_vad`
//   turn detection, the SDK also `semantic_vad`; ours allows `null` noise reduction and is
//   narrower on `include`.
import type * as SdkCalls from "openai/resources/realtime/calls";
import type * as SdkClientSecrets from "openai/resources/realtime/client-secrets";
import type * as SdkRealtime from "openai/resources/realtime/realtime";
import type * as SdkTranslationSecrets from "openai/resources/realtime/translations/client-secrets";
import type * as SdkWebhooks from "openai/resources/webhooks/webhooks";
import { expectTypeOf } from "vitest";
import type { CallCreateParams, RealtimeClient } from "../../src/client";
import type * as S from "../../src/schemas";

/** A type as a caller without exactOptionalPropertyTypes sees it: optional means "may be absent". */
type Settled<T> = T extends string | number | boolean | bigint | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Settled<U>[]
    : { [K in keyof T]: Settled<Exclude<T[K], undefined>> };

type Ours<T> = Settled<T>;

/** Groups type assertions by what they compare; the bodies are only type-checked, never called. */
function group(_title: string, _body: () => void): void {}
const check = group;
type GA = Ours<S.RealtimeSessionCreateRequestGA>;

group("request bodies match the official SDK where the API is the same", () => {
  check("calls.refer and calls.reject bodies are interchangeable", () => {
    expectTypeOf<Ours<S.RealtimeCallReferRequest>>().toEqualTypeOf<SdkCalls.CallReferParams>();
    expectTypeOf<Ours<S.RealtimeCallRejectRequest>>().toEqualTypeOf<SdkCalls.CallRejectParams>();
    expectTypeOf<Parameters<RealtimeClient["calls"]["refer"]>[1]>().toEqualTypeOf<S.RealtimeCallReferRequest>();
  });

  check("client secret expires_after is interchangeable", () => {
    type OurExpiry = Ours<S.RealtimeCreateClientSecretRequest>["expires_after"];
    type SdkExpiry = SdkClientSecrets.ClientSecretCreateParams["expires_after"];
    expectTypeOf<OurExpiry>().toExtend<SdkExpiry>();
    expectTypeOf<SdkExpiry>().toExtend<OurExpiry>();
  });

  check("translation client secret bodies are interchangeable", () => {
    type Ours_ = Ours<S.RealtimeTranslationClientSecretCreateRequest>;
    expectTypeOf<Ours_>().toExtend<SdkTranslationSecrets.ClientSecretCreateParams>();
    expectTypeOf<SdkTranslationSecrets.ClientSecretCreateParams>().toExtend<Ours_>();
  });

  check("GA session (calls.accept, client secret session): ours fits the SDK apart from audio and prompt", () => {
    expectTypeOf<Omit<GA, "audio" | "prompt">>().toExtend<Omit<SdkCalls.CallAcceptParams, "audio" | "prompt">>();
  });

  check("GA session: the SDK's fits ours apart from tracing and tools", () => {
    expectTypeOf<Omit<SdkCalls.CallAcceptParams, "tracing" | "tools">>().toExtend<Omit<GA, "tracing" | "tools">>();
  });

  check("GA transcription session: ours fits the SDK apart from audio, and the SDK's fits ours", () => {
    type Ours_ = Extract<Ours<S.RealtimeCreateClientSecretRequest>["session"], { type: "transcription" }>;
    type Sdk = SdkRealtime.RealtimeTranscriptionSessionCreateRequest;
    expectTypeOf<Omit<Ours_, "audio">>().toExtend<Omit<Sdk, "audio">>();
    expectTypeOf<Sdk>().toExtend<Ours_>();
  });

  check("calls.create takes the SDK's { sdp, session } (session checked above)", () => {
    expectTypeOf<keyof CallCreateParams>().toEqualTypeOf<keyof SdkCalls.CallCreateParams>();
    expectTypeOf<CallCreateParams["sdp"]>().toEqualTypeOf<SdkCalls.CallCreateParams["sdp"]>();
  });

  check("a typical accept body written for the SDK is a valid body for ours", () => {
    const body = {
      type: "realtime",
      model: "gpt-realtime",
      instructions: "You are Alex, a friendly concierge for Example Corp.",
      output_modalities: ["audio"],
      audio: {
        input: { format: { type: "audio/pcm", rate: 24000 }, turn_detection: { type: "semantic_vad", eagerness: "low" } },
        output: { voice: "marin", speed: 1.1 },
      },
      tools: [{ type: "function", name: "lookup", description: "Look up a booking.", parameters: { type: "object" } }],
      tool_choice: "auto",
      max_output_tokens: "inf",
      tracing: "auto",
      truncation: "auto",
    } satisfies SdkCalls.CallAcceptParams;
    expectTypeOf(body).toExtend<S.RealtimeSessionCreateRequestGA>();
  });
});

group("the webhook event matches the SDK's", () => {
  check("realtime.call.incoming carries the same fields", () => {
    type Ours_ = S.WebhookRealtimeCallIncoming;
    type Sdk = SdkWebhooks.RealtimeCallIncomingWebhookEvent;
    expectTypeOf<Ours_["type"]>().toEqualTypeOf<Sdk["type"]>();
    expectTypeOf<Ours_["data"]["call_id"]>().toEqualTypeOf<Sdk["data"]["call_id"]>();
    expectTypeOf<Ours_["data"]["sip_headers"][number]>().toExtend<Sdk["data"]["sip_headers"][number]>();
    // Ours is lenient (`object` may be null, unknown keys kept), so it fits the SDK's minus `object`.
    expectTypeOf<Ours_>().toExtend<Omit<Sdk, "object">>();
  });
});
