import { RealtimeTranslationClientSecretCreateRequest } from "../../schemas";
import type { ApiHandler } from "../context";
import { parseJson } from "../http";
import { asObject, type JsonObject } from "../sessions/json";
import { effectiveTranslationSession } from "../sessions/translation";
import { parseBody } from "../validation";
import { DEFAULT_SECRET_TTL_SECONDS } from "./client-secrets";

/** `POST /v1/realtime/translations/client_secrets`: an `ek_` secret with its translation session. */
export const createTranslationClientSecret: ApiHandler = ({ rawBody, state }) => {
  const body = parseBody(RealtimeTranslationClientSecretCreateRequest, parseJson(rawBody)) as JsonObject;
  const seconds = asObject(body["expires_after"])["seconds"];
  const ttl = typeof seconds === "number" ? seconds : DEFAULT_SECRET_TTL_SECONDS;
  const session = asObject(body["session"]);
  const minted = state.mintSecret(ttl, (expiresAt) => effectiveTranslationSession(session, expiresAt));
  return { status: 200, json: { value: minted.value, expires_at: minted.expiresAt, session: minted.session } };
};
