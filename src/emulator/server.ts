import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { adminRouter } from "./admin";
import { authenticate } from "./auth";
import { EmulatorApiError, injectedFault, internalError, invalidUrl } from "./errors";
import { readBody, send, type HandlerResponse } from "./http";
import { newRequestId } from "./ids";
import { apiRouter } from "./routes";
import type { EmulatorState } from "./state";
import type { WebhookSender } from "./webhook-sender";

/** Browser apps call `POST /v1/realtime/calls` with an `ek_` secret, so API routes allow CORS. */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "location, x-request-id, retry-after",
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, openai-beta",
  "access-control-max-age": "600",
};

function errorResponse(error: unknown): HandlerResponse {
  let apiError: EmulatorApiError;
  if (error instanceof EmulatorApiError) {
    apiError = error;
  } else {
    // A bug in the emulator: say so on stderr, answer like the API's 500.
    process.stderr.write(`emulator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    apiError = internalError();
  }
  return { status: apiError.status, headers: { ...apiError.headers }, json: apiError.toBody() };
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Serves the HTTP side of one emulator: API routes under `/v1`, admin routes under `/_emulator`. */
export class EmulatorServer {
  readonly server: Server;
  /** Aborted on close so injected delays do not hold the process open. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: WebhookSender | null,
  ) {
    this.server = createServer({ keepAlive: true }, (req, res) => {
      void this.handle(req, res);
    });
  }

  /** Stops accepting requests, drops connections and cancels delays. */
  async close(): Promise<void> {
    this.shutdown.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    res.setHeader("x-request-id", requestId);
    const path = new URL(req.url ?? "/", "http://emulator.invalid").pathname;
    const method = req.method ?? "GET";
    try {
      if (path.startsWith("/_emulator/")) {
        this.reply(res, await this.handleAdmin(req, method, path));
      } else if (method === "OPTIONS") {
        this.reply(res, { status: 204, headers: PREFLIGHT_HEADERS });
      } else {
        await this.handleApi(req, res, requestId, method, path);
      }
    } catch (error) {
      this.reply(res, errorResponse(error));
    }
  }

  private async handleAdmin(req: IncomingMessage, method: string, path: string): Promise<HandlerResponse> {
    try {
      const rawBody = await readBody(req);
      const match = adminRouter.match(method, path);
      if (match === null) throw invalidUrl(method, path);
      return await match.route.handler({ params: match.params, rawBody, state: this.state, webhooks: this.webhooks });
    } catch (error) {
      return errorResponse(error);
    }
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, requestId: string, method: string, path: string): Promise<void> {
    const started = performance.now();
    const match = apiRouter.match(method, path);
    const delayedMs = this.state.faults.latencyMs;
    let rawBody: Buffer = Buffer.alloc(0);
    let fault: number | null = null;
    let response: HandlerResponse;
    try {
      rawBody = await readBody(req);
      if (delayedMs > 0) await sleep(delayedMs, undefined, { signal: this.shutdown.signal });
      fault = this.state.faults.draw();
      if (fault !== null) throw injectedFault(fault, this.state.faults.retryAfterSeconds);
      if (match === null) throw invalidUrl(method, path);
      const credential = authenticate(req.headers.authorization, match.route.handler.auth, this.state);
      response = await match.route.handler.handle({ req, params: match.params, rawBody, credential, state: this.state });
    } catch (error) {
      if (this.shutdown.signal.aborted) return;
      response = errorResponse(error);
    }
    this.reply(res, { ...response, headers: { ...CORS_HEADERS, ...response.headers } });
    this.state.recorder.record({
      id: requestId,
      method,
      path,
      statsPath: match?.route.template ?? path,
      status: response.status,
      latency_ms: roundMs(performance.now() - started),
      delayed_ms: delayedMs,
      fault,
      content_type: req.headers["content-type"] ?? null,
      rawBody,
    });
  }

  private reply(res: ServerResponse, response: HandlerResponse): void {
    if (res.headersSent || res.destroyed) return;
    send(res, response);
  }
}
