import { z } from "zod";
import {
  AudioTranscription,
  RealtimeAudioFormats,
  RealtimeTurnDetection,
  ReportedAudioInput,
  noiseReduction,
} from "./audio";
import { integer, looseKit, strictKit } from "./kit";
import { RealtimeIncludable } from "./session-options";

/**
 * GA transcription session configuration: the `session` of `POST /realtime/client_secrets` when
 * `type` is `transcription`.
 *
 * @example
 * RealtimeTranscriptionSessionCreateRequestGA.parse({
 *   type: "transcription",
 *   audio: { input: { transcription: { model: "gpt-4o-transcribe", language: "en" } } },
 * });
 */
export const RealtimeTranscriptionSessionCreateRequestGA = z.strictObject({
  type: z.literal("transcription"),
  audio: z
    .strictObject({
      input: z
        .strictObject({
          format: RealtimeAudioFormats.optional(),
          transcription: AudioTranscription.nullable().optional(),
          noise_reduction: noiseReduction(strictKit).optional(),
          turn_detection: RealtimeTurnDetection.optional(),
        })
        .optional(),
    })
    .optional(),
  include: z.array(RealtimeIncludable).optional(),
});
/** GA transcription session configuration. */
export type RealtimeTranscriptionSessionCreateRequestGA = z.infer<typeof RealtimeTranscriptionSessionCreateRequestGA>;

/**
 * A GA transcription session as the API reports it. Lenient: unknown keys are kept and unset
 * fields may be `null`.
 */
export const RealtimeTranscriptionSessionCreateResponseGA = looseKit.object({
  type: z.literal("transcription"),
  id: z.string(),
  object: z.string(),
  expires_at: looseKit.optional(integer()),
  include: looseKit.optional(z.array(RealtimeIncludable)),
  audio: looseKit.optional(
    looseKit.object({
      input: looseKit.optional(ReportedAudioInput),
    }),
  ),
});
/** A GA transcription session as reported by the API. */
export type RealtimeTranscriptionSessionCreateResponseGA = z.infer<
  typeof RealtimeTranscriptionSessionCreateResponseGA
>;
