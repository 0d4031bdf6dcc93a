import {
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateRequestGA,
} from "../../schemas";
import type { ApiHandler } from "../context";
import { invalidRequest } from "../errors";
import { parseJson } from "../http";
import { asObject, type JsonObject } from "../sessions/json";
import { effectiveRealtimeSession } from "../sessions/realtime";
import { effectiveTranscriptionSession, vadConflictPath } from "../sessions/transcription";
import { parseBody } from "../validation";

/** The API's default secret lifetime when `expires_after` is left out. */
export const DEFAULT_SECRET_TTL_SECONDS = 600;

/**
 * Validates a GA session config (realtime or transcription) and returns its
 * effective session. Validating against the member schema picked by `type`
 * gives a precise `param` (a union would only say `session`).
 */
export function effectiveGaSession(session: unknown, prefix: string): JsonObject {
  const type = asObject(session)["type"];
  if (type === "transcription") {
    const request = parseBody(RealtimeTranscriptionSessionCreateRequestGA, session, prefix) as JsonObject;
    const conflict = vadConflictPath(request, `${prefix}.`);
    if (conflict !== null) {
      throw invalidRequest(
        `Invalid '${conflict}': turn detection must be null for gpt-realtime-whisper.`,
        conflict,
        "invalid_value",
      );
    }
    return effectiveTranscriptionSession(request);
  }
  const request = parseBody(RealtimeSessionCreateRequestGA, session, prefix) as JsonObject;
  return effectiveRealtimeSession(request);
}

/** `POST /v1/realtime/client_secrets`: mints an `ek_` secret with its effective session. */
export const createClientSecret: ApiHandler = ({ rawBody, state }) => {
  const json = parseJson(rawBody);
  const given = asObject(json)["session"];
  const session = given === undefined ? effectiveRealtimeSession({ type: "realtime" }) : effectiveGaSession(given, "session");
  const body = parseBody(RealtimeCreateClientSecretRequest, json) as JsonObject;
  const seconds = asObject(body["expires_after"])["seconds"];
  const ttl = typeof seconds === "number" ? seconds : DEFAULT_SECRET_TTL_SECONDS;
  const minted = state.mintSecret(ttl, () => session);
  return { status: 200, json: { value: minted.value, expires_at: minted.expiresAt, session: minted.session } };
};
