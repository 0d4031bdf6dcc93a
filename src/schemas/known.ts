/**
 * Model and voice names the API reference lists. The API takes any string for these (its schemas
 * say `anyOf: [string, enum]`), so the schemas accept any string; these lists are for completion,
 * documentation and policy rules.
 */

/**
 * Realtime models listed for `session.model` (GA realtime sessions).
 *
 * @example
 * KNOWN_REALTIME_MODELS.includes("gpt-realtime"); // true
 */
export const KNOWN_REALTIME_MODELS = [
  "gpt-realtime",
  "gpt-realtime-1.5",
  "gpt-realtime-2",
  "gpt-realtime-2.1",
  "gpt-realtime-2.1-mini",
  "gpt-realtime-2025-08-28",
  "gpt-4o-realtime-preview",
  "gpt-4o-realtime-preview-2024-10-01",
  "gpt-4o-realtime-preview-2024-12-17",
  "gpt-4o-realtime-preview-2025-06-03",
  "gpt-4o-mini-realtime-preview",
  "gpt-4o-mini-realtime-preview-2024-12-17",
  "gpt-realtime-mini",
  "gpt-realtime-mini-2025-10-06",
  "gpt-realtime-mini-2025-12-15",
  "gpt-audio-1.5",
  "gpt-audio-mini",
  "gpt-audio-mini-2025-10-06",
  "gpt-audio-mini-2025-12-15",
] as const;

/** A realtime model the reference lists. */
export type KnownRealtimeModel = (typeof KNOWN_REALTIME_MODELS)[number];

/**
 * Transcription models listed for `audio.input.transcription.model`.
 *
 * @example
 * KNOWN_TRANSCRIPTION_MODELS.includes("whisper-1"); // true
 */
export const KNOWN_TRANSCRIPTION_MODELS = [
  "whisper-1",
  "gpt-transcribe",
  "gpt-live-transcribe",
  "gpt-4o-mini-transcribe",
  "gpt-4o-mini-transcribe-2025-12-15",
  "gpt-4o-transcribe",
  "gpt-4o-transcribe-diarize",
  "gpt-realtime-whisper",
] as const;

/** A transcription model the reference lists. */
export type KnownTranscriptionModel = (typeof KNOWN_TRANSCRIPTION_MODELS)[number];

/**
 * Translation models. The reference has no enum for them; this is the one model its translation
 * examples use.
 */
export const KNOWN_TRANSLATION_MODELS = ["gpt-realtime-translate"] as const;

/** A translation model the reference names. */
export type KnownTranslationModel = (typeof KNOWN_TRANSLATION_MODELS)[number];

/**
 * Built-in voices (`VoiceIdsShared`). `marin` and `cedar` are the ones the reference recommends.
 *
 * @example
 * KNOWN_VOICES.includes("marin"); // true
 */
export const KNOWN_VOICES = [
  "alloy",
  "ash",
  "ballad",
  "coral",
  "echo",
  "sage",
  "shimmer",
  "verse",
  "marin",
  "cedar",
] as const;

/** A built-in voice. */
export type KnownVoice = (typeof KNOWN_VOICES)[number];
