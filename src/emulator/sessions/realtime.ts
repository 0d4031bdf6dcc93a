import { newSessionId } from "../ids";
import { asObject, optional, type JsonObject } from "./json";
import { fillTurnDetection } from "./turn-detection";

/** The only PCM rate the API supports, filled in when a request names `audio/pcm` alone. */
const PCM_24K = { type: "audio/pcm", rate: 24000 };

/** The model the emulator reports when a request names none (best guess: the API's flagship). */
export const DEFAULT_REALTIME_MODEL = "gpt-realtime";

/** The effective audio format for a requested one. */
export function fillAudioFormat(given: unknown): JsonObject {
  if (given === undefined || given === null) return { ...PCM_24K };
  const format = asObject(given);
  return format["type"] === "audio/pcm" ? { ...PCM_24K, ...format } : format;
}

/**
 * The effective GA realtime session the API reports for a validated
 * `RealtimeSessionCreateRequestGA`: the request's values over the server's
 * defaults, with a fresh `sess_` id, in the field order of the API's examples.
 *
 * @example
 * effectiveRealtimeSession({ type: "realtime", instructions: "Be brief." }).audio
 * // { input: { format: { type: "audio/pcm", rate: 24000 }, ... }, output: { voice: "alloy", speed: 1, ... } }
 */
export function effectiveRealtimeSession(request: JsonObject, id: string = newSessionId()): JsonObject {
  const audio = asObject(request["audio"]);
  const input = asObject(audio["input"]);
  const output = asObject(audio["output"]);
  return {
    type: "realtime",
    object: "realtime.session",
    id,
    model: request["model"] ?? DEFAULT_REALTIME_MODEL,
    output_modalities: request["output_modalities"] ?? ["audio"],
    ...optional("instructions", request["instructions"]),
    tools: request["tools"] ?? [],
    tool_choice: request["tool_choice"] ?? "auto",
    ...optional("parallel_tool_calls", request["parallel_tool_calls"]),
    ...optional("reasoning", request["reasoning"]),
    max_output_tokens: request["max_output_tokens"] ?? "inf",
    tracing: request["tracing"] ?? null,
    truncation: request["truncation"] ?? "auto",
    prompt: request["prompt"] ?? null,
    // The API reports 0 until a connection starts the session's clock.
    expires_at: 0,
    audio: {
      input: {
        format: fillAudioFormat(input["format"]),
        transcription: input["transcription"] ?? null,
        noise_reduction: input["noise_reduction"] ?? null,
        turn_detection: fillTurnDetection(input["turn_detection"], "realtime"),
      },
      output: {
        format: fillAudioFormat(output["format"]),
        voice: output["voice"] ?? "alloy",
        speed: output["speed"] ?? 1,
      },
    },
    include: request["include"] ?? null,
  };
}
