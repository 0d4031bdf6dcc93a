import { RealtimeSessionCreateRequest } from "../../schemas";
import type { ApiHandler } from "../context";
import { parseJson } from "../http";
import type { JsonObject } from "../sessions/json";
import { effectiveLegacySession } from "../sessions/legacy";
import { parseBody } from "../validation";

/** The legacy endpoints' key lifetime: "all tokens expire after one minute". */
export const LEGACY_SECRET_TTL_SECONDS = 60;

/** `POST /v1/realtime/sessions` (legacy): the session plus a one-minute `client_secret`. */
export const createSession: ApiHandler = ({ rawBody, state }) => {
  const body = parseBody(RealtimeSessionCreateRequest, parseJson(rawBody)) as JsonObject;
  const minted = state.mintSecret(LEGACY_SECRET_TTL_SECONDS, () => effectiveLegacySession(body));
  const session = { ...minted.session, client_secret: { value: minted.value, expires_at: minted.expiresAt } };
  return { status: 200, json: session };
};
