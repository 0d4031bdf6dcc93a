import { z } from "zod";
import { describedUnion, integer, looseKit, openString, strictKit, type Kit, type Mode } from "./kit";
import { KNOWN_TRANSCRIPTION_MODELS, KNOWN_VOICES } from "./known";

/** Builds `RealtimeAudioFormats` for a mode. The `type` key is optional in the reference. */
export function audioFormats<M extends Mode>(k: Kit<M>) {
  return describedUnion(
    [
      k.object({ type: k.optional(z.literal("audio/pcm")), rate: k.optional(z.literal(24000)) }),
      k.object({ type: k.optional(z.literal("audio/pcmu")) }),
      k.object({ type: k.optional(z.literal("audio/pcma")) }),
    ],
    "an audio format object with type 'audio/pcm', 'audio/pcmu' or 'audio/pcma'",
  );
}

/**
 * Audio format: 24 kHz PCM (`{ type: "audio/pcm", rate: 24000 }`), G.711 μ-law (`audio/pcmu`) or
 * A-law (`audio/pcma`).
 *
 * @example
 * RealtimeAudioFormats.parse({ type: "audio/pcm", rate: 24000 });
 */
export const RealtimeAudioFormats = audioFormats(strictKit);
/** Audio format object. */
export type RealtimeAudioFormats = z.infer<typeof RealtimeAudioFormats>;

/**
 * Audio format as responses report it. Besides the format objects, the API still reports the
 * legacy string formats (`"pcm16"`) in some transcription sessions, as the reference's own example
 * shows.
 */
export const RealtimeAudioFormatsResponse = z.union([audioFormats(looseKit), z.string()]);
/** Audio format as reported by the API. */
export type RealtimeAudioFormatsResponse = z.infer<typeof RealtimeAudioFormatsResponse>;

/** Noise reduction type: `near_field` (headsets) or `far_field` (laptop and room microphones). */
export const NoiseReductionType = z.enum(["near_field", "far_field"]);
/** Noise reduction type. */
export type NoiseReductionType = z.infer<typeof NoiseReductionType>;

/** Builds the `noise_reduction` object; `null` turns noise reduction off (its default). */
export function noiseReduction<M extends Mode>(k: Kit<M>) {
  return k.object({ type: k.optional(NoiseReductionType) }).nullable();
}

/** Input audio noise reduction; `null` turns it off. */
export const RealtimeNoiseReduction = noiseReduction(strictKit);
/** Input audio noise reduction. */
export type RealtimeNoiseReduction = z.infer<typeof RealtimeNoiseReduction>;

/** Transcription delay, only for `gpt-realtime-whisper` in GA sessions. */
export const TranscriptionDelay = z.enum(["minimal", "low", "medium", "high", "xhigh"]);
/** Transcription delay. */
export type TranscriptionDelay = z.infer<typeof TranscriptionDelay>;

/**
 * Input audio transcription settings (request side).
 *
 * @example
 * AudioTranscription.parse({ model: "gpt-4o-transcribe", language: "en" });
 */
export const AudioTranscription = z.strictObject({
  model: openString(KNOWN_TRANSCRIPTION_MODELS).optional(),
  language: z.string().optional(),
  languages: z.array(z.string()).min(1).optional(),
  keywords: z.array(z.string()).optional(),
  prompt: z.string().optional(),
  delay: TranscriptionDelay.optional(),
});
/** Input audio transcription settings. */
export type AudioTranscription = z.infer<typeof AudioTranscription>;

/** Input audio transcription settings as responses report them. */
export const AudioTranscriptionResponse = looseKit.object({
  model: looseKit.optional(openString(KNOWN_TRANSCRIPTION_MODELS)),
  language: looseKit.optional(z.string()),
  languages: looseKit.optional(z.array(z.string())),
  prompt: looseKit.optional(z.string()),
});
/** Input audio transcription settings as reported by the API. */
export type AudioTranscriptionResponse = z.infer<typeof AudioTranscriptionResponse>;

/** Builds the server VAD turn detection object. */
export function serverVad<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: z.literal("server_vad"),
    // The reference states the 0.0..1.0 range in prose only; the API enforces it.
    threshold: k.optional(k.decimal(0, 1)),
    prefix_padding_ms: k.optional(k.integer()),
    silence_duration_ms: k.optional(k.integer()),
    create_response: k.optional(z.boolean()),
    interrupt_response: k.optional(z.boolean()),
    idle_timeout_ms: k.optional(k.integer(5000, 30000).nullable()),
  });
}

/** Builds the semantic VAD turn detection object. */
export function semanticVad<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: z.literal("semantic_vad"),
    eagerness: k.optional(z.enum(["low", "medium", "high", "auto"])),
    create_response: k.optional(z.boolean()),
    interrupt_response: k.optional(z.boolean()),
  });
}

/** Builds `RealtimeTurnDetection` for a mode: server VAD, semantic VAD or `null` (off). */
export function turnDetection<M extends Mode>(k: Kit<M>) {
  return z.discriminatedUnion("type", [serverVad(k), semanticVad(k)]).nullable();
}

/**
 * Turn detection: server VAD, semantic VAD, or `null` to turn it off (the client then triggers
 * responses itself). Must be `null` for `gpt-realtime-whisper` transcription sessions.
 *
 * @example
 * RealtimeTurnDetection.parse({ type: "semantic_vad", eagerness: "low" });
 */
export const RealtimeTurnDetection = turnDetection(strictKit);
/** Turn detection configuration. */
export type RealtimeTurnDetection = z.infer<typeof RealtimeTurnDetection>;

/** Turn detection as responses report it. */
export const RealtimeTurnDetectionResponse = turnDetection(looseKit);
/** Turn detection as reported by the API. */
export type RealtimeTurnDetectionResponse = z.infer<typeof RealtimeTurnDetectionResponse>;

/**
 * Server VAD settings in the older flat shape (`type` any string) that transcription session
 * responses and legacy session responses report.
 */
export const ReportedTurnDetection = looseKit.object({
  type: looseKit.optional(z.string()),
  threshold: looseKit.optional(z.number()),
  prefix_padding_ms: looseKit.optional(integer()),
  silence_duration_ms: looseKit.optional(integer()),
});
/** Reported server VAD settings. */
export type ReportedTurnDetection = z.infer<typeof ReportedTurnDetection>;

/**
 * A voice name. Any string is accepted (custom and future voices); {@link KNOWN_VOICES} lists the
 * built-in ones.
 */
export const VoiceIdsShared = openString(KNOWN_VOICES);
/** A voice name. */
export type VoiceIdsShared = z.infer<typeof VoiceIdsShared>;

/**
 * A built-in voice name or a custom voice reference `{ id: "voice_1234" }`.
 *
 * @example
 * VoiceIdsOrCustomVoice.parse("marin");
 * VoiceIdsOrCustomVoice.parse({ id: "voice_1234" });
 */
export const VoiceIdsOrCustomVoice = describedUnion(
  // The custom voice object has additionalProperties: false in the reference.
  [VoiceIdsShared, z.strictObject({ id: z.string() })],
  "a voice name or a custom voice object with an 'id'",
);
/** A voice name or custom voice reference. */
export type VoiceIdsOrCustomVoice = z.infer<typeof VoiceIdsOrCustomVoice>;

/**
 * `audio.input` of a session as the API reports it (realtime and transcription sessions alike).
 * Lenient, like every response schema.
 */
export const ReportedAudioInput = looseKit.object({
  format: looseKit.optional(RealtimeAudioFormatsResponse),
  transcription: looseKit.optional(AudioTranscriptionResponse),
  noise_reduction: looseKit.optional(noiseReduction(looseKit)),
  turn_detection: looseKit.optional(ReportedTurnDetection),
});
/** Reported audio input settings. */
export type ReportedAudioInput = z.infer<typeof ReportedAudioInput>;
