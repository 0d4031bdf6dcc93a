/**
 * Our inferred request types against the official `openai` package's types for the same bodies,
 * checked by `tsc` (`npm run typecheck`) only: a mismatch fails the type-check, not a test.
 *
 * Two known differences are stripped before comparing:
 * - zod's `.optional()` infers `key?: T | undefined`, which `exactOptionalPropertyTypes` does not
 *   let into the SDK's `key?: T`; the values are the same once serialised to JSON.
 * - we accept `null` for `audio.input.noise_reduction` and `audio.input.transcription`, as the
 *   reference's descriptions ("can be set to null") and defaults (`default: null`) say; the SDK's
 *   types do not.
 */
import type { CallAcceptParams, CallReferParams, CallRejectParams } from "openai/resources/realtime/calls";
import type { ClientSecretCreateParams } from "openai/resources/realtime/client-secrets";
import type {
  RealtimeSessionCreateRequest as SdkRealtimeSession,
  RealtimeTranscriptionSessionCreateRequest as SdkTranscriptionSession,
} from "openai/resources/realtime/realtime";
import type { ClientSecretCreateParams as SdkTranslationClientSecretParams } from "openai/resources/realtime/translations/client-secrets";
import type {
  RealtimeCallAcceptRequest,
  RealtimeCallReferRequest,
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateRequestGA,
  RealtimeTranslationClientSecretCreateRequest,
} from "../../src/schemas";

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
