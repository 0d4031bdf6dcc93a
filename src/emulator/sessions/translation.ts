import { newSessionId } from "../ids";
import { asObject, optional, type JsonObject } from "./json";

/**
 * The effective translation session for a validated
 * `RealtimeTranslationSessionCreateRequest`. Unlike realtime sessions, the
 * API's example reports the secret's expiry as the session's `expires_at`.
 *
 * @example
 * effectiveTranslationSession({ model: "gpt-realtime-translate" }, 1756310470).type // "translation"
 */
export function effectiveTranslationSession(request: JsonObject, expiresAt: number): JsonObject {
  const audio = asObject(request["audio"]);
  const input = asObject(audio["input"]);
  const output = asObject(audio["output"]);
  return {
    id: newSessionId(),
    type: "translation",
    expires_at: expiresAt,
    model: request["model"],
    audio: {
      input: {
        transcription: input["transcription"] ?? null,
        noise_reduction: input["noise_reduction"] ?? null,
      },
      output: { ...optional("language", output["language"]) },
    },
  };
}
