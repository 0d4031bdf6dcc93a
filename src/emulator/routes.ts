import type { AuthMode } from "./auth";
import type { ApiHandler } from "./context";
import { createCall } from "./handlers/call-create";
import { acceptCall, hangupCall, referCall, rejectCall } from "./handlers/calls";
import { createClientSecret } from "./handlers/client-secrets";
import { createSession } from "./handlers/sessions";
import { createTranscriptionSession } from "./handlers/transcription-sessions";
import { createTranslationClientSecret } from "./handlers/translations";
import { Router } from "./router";

/** An API route's handler and the credentials it takes. */
export interface ApiRoute {
  auth: AuthMode;
  handle: ApiHandler;
}

const withKey = (handle: ApiHandler): ApiRoute => ({ auth: "api-key", handle });

/** The nine Realtime REST endpoints, under `/v1` as the API serves them. */
export const apiRouter = new Router<ApiRoute>([
  { method: "POST", template: "/v1/realtime/client_secrets", handler: withKey(createClientSecret) },
  { method: "POST", template: "/v1/realtime/sessions", handler: withKey(createSession) },
  { method: "POST", template: "/v1/realtime/transcription_sessions", handler: withKey(createTranscriptionSession) },
  { method: "POST", template: "/v1/realtime/translations/client_secrets", handler: withKey(createTranslationClientSecret) },
  { method: "POST", template: "/v1/realtime/calls", handler: { auth: "api-key-or-client-secret", handle: createCall } },
  { method: "POST", template: "/v1/realtime/calls/{call_id}/accept", handler: withKey(acceptCall) },
  { method: "POST", template: "/v1/realtime/calls/{call_id}/hangup", handler: withKey(hangupCall) },
  { method: "POST", template: "/v1/realtime/calls/{call_id}/refer", handler: withKey(referCall) },
  { method: "POST", template: "/v1/realtime/calls/{call_id}/reject", handler: withKey(rejectCall) },
]);
