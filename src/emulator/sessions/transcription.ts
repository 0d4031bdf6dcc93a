import { newSessionId } from "../ids";
import { asObject, type JsonObject } from "./json";
import { fillAudioFormat } from "./realtime";
import { fillTurnDetection } from "./turn-detection";

/** The transcription model reported when a request names none (the one in the API's examples). */
export const DEFAULT_TRANSCRIPTION_MODEL = "gpt-4o-transcribe";

/** This model does its own segmentation; the API requires turn detection off for it. */
const NO_VAD_MODEL = "gpt-realtime-whisper";

/** The effective transcription config: the request's, or the default model with an empty prompt. */
export function fillTranscription(given: unknown): JsonObject {
  return given === undefined || given === null ? { model: DEFAULT_TRANSCRIPTION_MODEL, prompt: "" } : asObject(given);
}

/**
 * The effective GA transcription session for a validated
 * `RealtimeTranscriptionSessionCreateRequestGA`, shaped like the API's
 * `RealtimeTranscriptionSessionCreateResponseGA` example.
 *
 * @example
 * effectiveTranscriptionSession({ type: "transcription" }).object // "realtime.transcription_session"
 */
export function effectiveTranscriptionSession(request: JsonObject, id: string = newSessionId()): JsonObject {
  const input = asObject(asObject(request["audio"])["input"]);
  const transcription = fillTranscription(input["transcription"]);
  const turnDetection =
    input["turn_detection"] === undefined && transcription["model"] === NO_VAD_MODEL
      ? null
      : fillTurnDetection(input["turn_detection"], "basic");
  return {
    id,
    type: "transcription",
    object: "realtime.transcription_session",
    expires_at: 0,
    include: request["include"] ?? null,
    audio: {
      input: {
        format: fillAudioFormat(input["format"]),
        transcription,
        noise_reduction: input["noise_reduction"] ?? null,
        turn_detection: turnDetection,
      },
    },
  };
}

/**
 * The path of `turn_detection` (after `prefix`, e.g. `"session."`) when the request turns VAD on
 * for a model that cannot use it, otherwise null.
 */
export function vadConflictPath(request: JsonObject, prefix: string): string | null {
  const input = asObject(asObject(request["audio"])["input"]);
  const model = asObject(input["transcription"])["model"];
  const vad = input["turn_detection"];
  return model === NO_VAD_MODEL && vad !== undefined && vad !== null ? `${prefix}audio.input.turn_detection` : null;
}
