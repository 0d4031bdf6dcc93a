import { z } from "zod";
import { NoiseReductionType } from "./audio";
import { ClientSecretExpiresAfter } from "./client-secrets";
import { integer, looseKit, openString, strictKit, type Kit, type Mode } from "./kit";
import { KNOWN_TRANSLATION_MODELS } from "./known";

/** Builds the `audio` object of a translation session. */
function translationAudio<M extends Mode>(k: Kit<M>) {
  return k.object({
    input: k.optional(
      k.object({
        // Source-language transcript deltas; translation itself always runs from the audio.
        transcription: k.optional(k.object({ model: z.string() }).nullable()),
        noise_reduction: k.optional(k.object({ type: NoiseReductionType }).nullable()),
      }),
    ),
    output: k.optional(k.object({ language: k.optional(z.string()) })),
  });
}

/**
 * Translation session configuration: source audio in, translated audio and transcript deltas out
 * in `audio.output.language`.
 *
 * @example
 * RealtimeTranslationSessionCreateRequest.parse({ model: "gpt-realtime-translate", audio: { output: { language: "es" } } });
 */
export const RealtimeTranslationSessionCreateRequest = z.strictObject({
  model: openString(KNOWN_TRANSLATION_MODELS),
  audio: translationAudio(strictKit).optional(),
});
/** Translation session configuration. */
export type RealtimeTranslationSessionCreateRequest = z.infer<typeof RealtimeTranslationSessionCreateRequest>;

/**
 * Body of `POST /realtime/translations/client_secrets`.
 *
 * @example
 * RealtimeTranslationClientSecretCreateRequest.parse({ session: { model: "gpt-realtime-translate" } });
 */
export const RealtimeTranslationClientSecretCreateRequest = z.strictObject({
  expires_after: ClientSecretExpiresAfter.optional(),
  session: RealtimeTranslationSessionCreateRequest,
});
/** Body of a translation client secret create. */
export type RealtimeTranslationClientSecretCreateRequest = z.infer<typeof RealtimeTranslationClientSecretCreateRequest>;

/** A translation session as the API reports it. Lenient: unknown keys are kept. */
export const RealtimeTranslationSession = looseKit.object({
  id: z.string(),
  type: z.literal("translation"),
  expires_at: integer(),
  model: z.string(),
  audio: translationAudio(looseKit),
});
/** A translation session as reported by the API. */
export type RealtimeTranslationSession = z.infer<typeof RealtimeTranslationSession>;

/** Response of `POST /realtime/translations/client_secrets`. Lenient: unknown keys are kept. */
export const RealtimeTranslationClientSecretCreateResponse = z.looseObject({
  value: z.string(),
  expires_at: integer(),
  session: RealtimeTranslationSession,
});
/** Response of a translation client secret create. */
export type RealtimeTranslationClientSecretCreateResponse = z.infer<typeof RealtimeTranslationClientSecretCreateResponse>;
