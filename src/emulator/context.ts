import type { IncomingMessage } from "node:http";
import type { Credential } from "./auth";
import type { HandlerResponse } from "./http";
import type { EmulatorState } from "./state";
import type { WebhookSender } from "./webhook-sender";

/** What an API handler gets for one request. */
export interface ApiContext {
  req: IncomingMessage;
  params: Readonly<Record<string, string>>;
  rawBody: Buffer;
  credential: Credential;
  state: EmulatorState;
}

/** Handles one API route. Throw `EmulatorApiError` to answer with an error. */
export type ApiHandler = (ctx: ApiContext) => HandlerResponse | Promise<HandlerResponse>;

/** What an admin handler gets: no credential, but the webhook sender. */
export interface AdminContext {
  params: Readonly<Record<string, string>>;
  rawBody: Buffer;
  state: EmulatorState;
  webhooks: WebhookSender | null;
}

/** Handles one `/_emulator/` route. */
export type AdminHandler = (ctx: AdminContext) => HandlerResponse | Promise<HandlerResponse>;
