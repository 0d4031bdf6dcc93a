import { RealtimeTranscriptionSessionCreateRequest } from "../../schemas";
import type { ApiHandler } from "../context";
import { parseJson } from "../http";
import type { JsonObject } from "../sessions/json";
import { effectiveLegacyTranscriptionSession } from "../sessions/legacy";
import { parseBody } from "../validation";
import { LEGACY_SECRET_TTL_SECONDS } from "./sessions";

/** `POST /v1/realtime/transcription_sessions` (legacy): the session plus a one-minute `client_secret`. */
export const createTranscriptionSession: ApiHandler = ({ rawBody, state }) => {
  const body = parseBody(RealtimeTranscriptionSessionCreateRequest, parseJson(rawBody)) as JsonObject;
  const minted = state.mintSecret(LEGACY_SECRET_TTL_SECONDS, () => effectiveLegacyTranscriptionSession(body));
  const session = { ...minted.session, client_secret: { value: minted.value, expires_at: minted.expiresAt } };
  return { status: 200, json: session };
};
