import type { SessionShape } from "./session-shape";

/**
 * When a field is refused: on a session shape at all, with certain transcription models, with
 * models outside the reasoning list, or on a text-only session.
 */
export type Condition =
  | { always: true }
  | { transcriptionModelIn: readonly string[] }
  | { transcriptionModelNotIn: readonly string[] }
  | { nonReasoningModel: true }
  | { textOnly: true };

/** One row of the table: the field (under `session`), the shapes it concerns, when and why it is refused. */
export interface CompatibilityRow {
  shapes: readonly SessionShape[];
  field: readonly string[];
  when: Condition;
  reason: string;
}

const REALTIME_ONLY_FIELDS = [
  "model",
  "instructions",
  "output_modalities",
  "tools",
  "tool_choice",
  "max_output_tokens",
  "prompt",
  "reasoning",
  "tracing",
  "truncation",
  "parallel_tool_calls",
];
const LEGACY_REALTIME_ONLY_FIELDS = ["model", "instructions", "voice", "modalities", "tools", "output_audio_format", "speed"];

const WHISPER_GA = ["gpt-realtime-whisper"];
const LANGUAGE_HINT_MODELS = ["gpt-transcribe", "gpt-live-transcribe"];
const TRANSCRIPTION = ["audio", "input", "transcription"];

/** Reasoning-capable realtime models (the reference's "reasoning Realtime models such as gpt-realtime-2"). */
export const DEFAULT_REASONING_MODELS = ["gpt-realtime-2", "gpt-realtime-2.1", "gpt-realtime-2.1-mini"] as const;

/**
 * Which fields a model or session type does not accept, from the API reference's field
 * descriptions. The one place this knowledge lives; the compatibility rule only evaluates it.
 */
export const FIELD_COMPATIBILITY: readonly CompatibilityRow[] = [
  ...REALTIME_ONLY_FIELDS.map((name) => ({
    shapes: ["transcription"] as const,
    field: [name],
    when: { always: true } as const,
    reason: "a transcription session does not accept it (it is a realtime session field)",
  })),
  {
    shapes: ["transcription"],
    field: ["audio", "output"],
    when: { always: true },
    reason: "a transcription session produces no audio output",
  },
  ...LEGACY_REALTIME_ONLY_FIELDS.map((name) => ({
    shapes: ["legacy-transcription"] as const,
    field: [name],
    when: { always: true } as const,
    reason: "a TranscriptionSession does not accept it (it is a realtime session field)",
  })),
  {
    shapes: ["realtime", "transcription", "translation"],
    field: [...TRANSCRIPTION, "prompt"],
    when: { transcriptionModelIn: WHISPER_GA },
    reason: "prompt is not supported with gpt-realtime-whisper in GA sessions",
  },
  {
    shapes: ["realtime", "transcription"],
    field: [...TRANSCRIPTION, "delay"],
    when: { transcriptionModelNotIn: WHISPER_GA },
    reason: "delay is only supported with gpt-realtime-whisper",
  },
  {
    shapes: ["realtime", "transcription"],
    field: [...TRANSCRIPTION, "languages"],
    when: { transcriptionModelNotIn: LANGUAGE_HINT_MODELS },
    reason: "languages is supported by gpt-transcribe and gpt-live-transcribe only",
  },
  {
    shapes: ["realtime", "transcription"],
    field: [...TRANSCRIPTION, "keywords"],
    when: { transcriptionModelNotIn: LANGUAGE_HINT_MODELS },
    reason: "keywords is supported by gpt-transcribe and gpt-live-transcribe only",
  },
  {
    shapes: ["transcription"],
    field: ["audio", "input", "turn_detection"],
    when: { transcriptionModelIn: WHISPER_GA },
    reason: "turn detection must be null with gpt-realtime-whisper (VAD is not supported)",
  },
  {
    shapes: ["realtime"],
    field: ["reasoning"],
    when: { nonReasoningModel: true },
    reason: "only reasoning models accept it",
  },
  {
    shapes: ["realtime"],
    field: ["parallel_tool_calls"],
    when: { nonReasoningModel: true },
    reason: "only reasoning models accept it",
  },
  {
    shapes: ["realtime"],
    field: ["audio", "output"],
    when: { textOnly: true },
    reason: "output_modalities is ['text'], so the session produces no audio",
  },
  ...["voice", "output_audio_format", "speed"].map((name) => ({
    shapes: ["legacy-realtime"] as const,
    field: [name],
    when: { textOnly: true } as const,
    reason: "modalities is ['text'], so the session produces no audio",
  })),
];
