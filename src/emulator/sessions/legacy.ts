import { newSessionId } from "../ids";
import { optional, type JsonObject } from "./json";
import { DEFAULT_REALTIME_MODEL } from "./realtime";
import { fillTranscription } from "./transcription";
import { fillTurnDetection } from "./turn-detection";

/**
 * The session of a legacy `POST /realtime/sessions` response: the flat (beta)
 * shape with the server's defaults. The handler appends `client_secret`.
 *
 * @example
 * effectiveLegacySession({ modalities: ["text"] }).voice // "alloy"
 */
export function effectiveLegacySession(request: JsonObject): JsonObject {
  return {
    id: newSessionId(),
    object: "realtime.session",
    model: request["model"] ?? DEFAULT_REALTIME_MODEL,
    modalities: request["modalities"] ?? ["text", "audio"],
    ...optional("instructions", request["instructions"]),
    voice: request["voice"] ?? "alloy",
    input_audio_format: request["input_audio_format"] ?? "pcm16",
    output_audio_format: request["output_audio_format"] ?? "pcm16",
    input_audio_transcription: request["input_audio_transcription"] ?? null,
    turn_detection: fillTurnDetection(request["turn_detection"], "basic"),
    tools: request["tools"] ?? [],
    tool_choice: request["tool_choice"] ?? "auto",
    temperature: request["temperature"] ?? 0.8,
    max_response_output_tokens: request["max_response_output_tokens"] ?? "inf",
    speed: request["speed"] ?? 1,
    ...optional("tracing", request["tracing"]),
    truncation: request["truncation"] ?? "auto",
    prompt: request["prompt"] ?? null,
  };
}

/**
 * The session of a legacy `POST /realtime/transcription_sessions` response:
 * the flat shape with the server's defaults. The handler appends `client_secret`.
 *
 * @example
 * effectiveLegacyTranscriptionSession({}).input_audio_format // "pcm16"
 */
export function effectiveLegacyTranscriptionSession(request: JsonObject): JsonObject {
  return {
    id: newSessionId(),
    object: "realtime.transcription_session",
    modalities: ["audio", "text"],
    turn_detection: fillTurnDetection(request["turn_detection"], "basic"),
    input_audio_format: request["input_audio_format"] ?? "pcm16",
    input_audio_transcription: fillTranscription(request["input_audio_transcription"]),
    ...optional("input_audio_noise_reduction", request["input_audio_noise_reduction"]),
    ...optional("include", request["include"]),
  };
}
