import { z } from "zod";
import {
  AudioTranscription,
  AudioTranscriptionResponse,
  RealtimeAudioFormatsResponse,
  ReportedAudioInput,
  ReportedTurnDetection,
  VoiceIdsOrCustomVoice,
  VoiceIdsShared,
  noiseReduction,
} from "./audio";
import { decimal, integer, looseKit, openString, strictKit } from "./kit";
import { KNOWN_REALTIME_MODELS } from "./known";
import { prompt } from "./prompt";
import { OutputModality, RealtimeIncludable, maxOutputTokens, tracing, truncation } from "./session-options";
import { RealtimeFunctionTool, functionTool } from "./tools";

/** Audio format names of the legacy (beta) session endpoints. */
export const LegacyAudioFormat = z.enum(["pcm16", "g711_ulaw", "g711_alaw"]);
/** Legacy audio format name. */
export type LegacyAudioFormat = z.infer<typeof LegacyAudioFormat>;

/** An ephemeral key as legacy session responses report it. */
const LegacyClientSecret = z.looseObject({ value: z.string(), expires_at: integer() });

/**
 * Body of `POST /realtime/sessions` (legacy flat session shape).
 *
 * Two deviations from the reference's component, which mirrors the response: `model` is accepted
 * (the reference's own request example sends it) and `client_secret` is optional (the example
 * omits it). Ranges the reference gives in prose are enforced: `temperature` 0.6..1.2,
 * `max_response_output_tokens` 1..4096 or `"inf"`, VAD `threshold` 0..1.
 *
 * @example
 * RealtimeSessionCreateRequest.parse({ model: "gpt-realtime", modalities: ["audio", "text"] });
 */
export const RealtimeSessionCreateRequest = z.strictObject({
  client_secret: z.strictObject({ value: z.string(), expires_at: integer() }).optional(),
  model: openString(KNOWN_REALTIME_MODELS).optional(),
  modalities: z.array(OutputModality).optional(),
  instructions: z.string().optional(),
  voice: VoiceIdsOrCustomVoice.optional(),
  input_audio_format: LegacyAudioFormat.optional(),
  output_audio_format: LegacyAudioFormat.optional(),
  input_audio_transcription: z.strictObject({ model: z.string().optional() }).nullable().optional(),
  speed: decimal(0.25, 1.5).optional(),
  tracing: tracing(strictKit).optional(),
  turn_detection: z
    .strictObject({
      type: z.string().optional(),
      threshold: decimal(0, 1).optional(),
      prefix_padding_ms: integer().optional(),
      silence_duration_ms: integer().optional(),
    })
    .nullable()
    .optional(),
  tools: z.array(RealtimeFunctionTool).optional(),
  tool_choice: z.string().optional(),
  temperature: decimal(0.6, 1.2).optional(),
  max_response_output_tokens: maxOutputTokens(strictKit).optional(),
  truncation: truncation(strictKit).optional(),
  prompt: prompt(strictKit).optional(),
});
/** Body of a legacy session create. */
export type RealtimeSessionCreateRequest = z.infer<typeof RealtimeSessionCreateRequest>;

/**
 * Response of `POST /realtime/sessions`. Besides the component's fields it types the legacy flat
 * fields the reference's example carries, notably `client_secret`. Lenient: unknown keys are kept.
 */
export const RealtimeSessionCreateResponse = looseKit.object({
  id: looseKit.optional(z.string()),
  object: looseKit.optional(z.string()),
  expires_at: looseKit.optional(integer()),
  client_secret: looseKit.optional(LegacyClientSecret),
  include: looseKit.optional(z.array(RealtimeIncludable)),
  model: looseKit.optional(z.string()),
  output_modalities: looseKit.optional(z.array(OutputModality)),
  modalities: looseKit.optional(z.array(OutputModality)),
  instructions: looseKit.optional(z.string()),
  audio: looseKit.optional(
    looseKit.object({
      input: looseKit.optional(ReportedAudioInput),
      output: looseKit.optional(
        looseKit.object({
          format: looseKit.optional(RealtimeAudioFormatsResponse),
          voice: looseKit.optional(VoiceIdsShared),
          speed: looseKit.optional(z.number()),
        }),
      ),
    }),
  ),
  voice: looseKit.optional(VoiceIdsShared),
  input_audio_format: looseKit.optional(z.string()),
  output_audio_format: looseKit.optional(z.string()),
  input_audio_transcription: looseKit.optional(AudioTranscriptionResponse),
  turn_detection: looseKit.optional(ReportedTurnDetection),
  tracing: looseKit.optional(tracing(looseKit)),
  tools: looseKit.optional(z.array(functionTool(looseKit))),
  tool_choice: looseKit.optional(z.string()),
  temperature: looseKit.optional(z.number()),
  speed: looseKit.optional(z.number()),
  max_output_tokens: looseKit.optional(maxOutputTokens(looseKit)),
  max_response_output_tokens: looseKit.optional(maxOutputTokens(looseKit)),
  truncation: looseKit.optional(truncation(looseKit)),
  prompt: looseKit.optional(prompt(looseKit)),
});
/** Response of a legacy session create. */
export type RealtimeSessionCreateResponse = z.infer<typeof RealtimeSessionCreateResponse>;

/**
 * Body of `POST /realtime/transcription_sessions` (legacy flat transcription session shape).
 *
 * @example
 * RealtimeTranscriptionSessionCreateRequest.parse({ input_audio_transcription: { model: "whisper-1" } });
 */
export const RealtimeTranscriptionSessionCreateRequest = z.strictObject({
  turn_detection: z
    .strictObject({
      type: z.literal("server_vad").optional(),
      threshold: decimal(0, 1).optional(),
      prefix_padding_ms: integer().optional(),
      silence_duration_ms: integer().optional(),
    })
    .nullable()
    .optional(),
  input_audio_noise_reduction: noiseReduction(strictKit).optional(),
  input_audio_format: LegacyAudioFormat.optional(),
  input_audio_transcription: AudioTranscription.nullable().optional(),
  include: z.array(RealtimeIncludable).optional(),
});
/** Body of a legacy transcription session create. */
export type RealtimeTranscriptionSessionCreateRequest = z.infer<typeof RealtimeTranscriptionSessionCreateRequest>;

/**
 * Response of `POST /realtime/transcription_sessions`. `client_secret` is required by the
 * reference but its example reports `null`, so both are accepted. Lenient: unknown keys are kept.
 */
export const RealtimeTranscriptionSessionCreateResponse = looseKit.object({
  id: looseKit.optional(z.string()),
  object: looseKit.optional(z.string()),
  expires_at: looseKit.optional(integer()),
  client_secret: LegacyClientSecret.nullable(),
  modalities: looseKit.optional(z.array(OutputModality)),
  input_audio_format: looseKit.optional(z.string()),
  input_audio_transcription: looseKit.optional(AudioTranscriptionResponse),
  turn_detection: looseKit.optional(ReportedTurnDetection),
});
/** Response of a legacy transcription session create. */
export type RealtimeTranscriptionSessionCreateResponse = z.infer<typeof RealtimeTranscriptionSessionCreateResponse>;
