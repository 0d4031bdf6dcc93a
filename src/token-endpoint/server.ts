import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenHandler } from "./handler";
import type { TokenMetrics } from "./metrics";
import { toNodeListener } from "./node";
import type { ClientRateLimits } from "./rate-limits";

/** How to serve a {@link TokenHandler}. */
export interface TokenServerOptions {
  handler: TokenHandler;
  metrics: TokenMetrics;
  /** The buckets behind the handler's rate limits: `/healthz` pings them, `close` closes them. */
  rateLimits: ClientRateLimits;
  /** Number of endpoints served now, for `/metrics`. */
  endpointCount?: (() => number) | undefined;
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** @default "127.0.0.1" */
  host?: string | undefined;
  /** Bodies past this answer 413. @default 16384 */
  maxBodyBytes?: number | undefined;
  /** Milliseconds a client may take to send the request headers. @default 10000 */
  headersTimeoutMs?: number | undefined;
  /** Milliseconds a client may take to send the whole request. @default 15000 */
  requestTimeoutMs?: number | undefined;
  /** Milliseconds `close` waits for requests in flight before cutting connections. @default 15000 */
  drainTimeoutMs?: number | undefined;
}

/** A listening token service. */
export interface RunningTokenServer {
  /** e.g. `http://127.0.0.1:8788` */
  url: string;
  port: number;
  /** Requests being answered now. */
  readonly inFlight: number;
  /** Graceful stop: no new requests, those in flight are answered, then the rate-limit store closes. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}

/**
 * Serves `POST /tokens/{endpoint}` (and its CORS preflight), `GET /healthz`
 * and `GET /metrics`, with header and request timeouts and a body limit.
 *
 * @example
 * const running = await startTokenServer({ handler, metrics, rateLimits, port: 8788 });
 * console.log(`listening on ${running.url}`);
 */
export async function startTokenServer(options: TokenServerOptions): Promise<RunningTokenServer> {
  const { metrics, rateLimits } = options;
  const tokens = toNodeListener(options.handler, { maxBodyBytes: options.maxBodyBytes });
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && req.method === "GET") {
      let storeOk = true;
      await rateLimits.ping().catch(() => (storeOk = false));
      const ok = storeOk && !draining;
      const status = ok ? "ok" : draining ? "draining" : "store_unavailable";
      return send(res, ok ? 200 : 503, JSON.stringify({ status, store: rateLimits.kind, inFlight }));
    }
    if (path === "/metrics" && req.method === "GET") {
      const text = metrics.render({ inFlight, ...(options.endpointCount ? { endpoints: options.endpointCount() } : {}) });
      return send(res, 200, text, "text/plain; version=0.0.4; charset=utf-8");
    }
    if (draining) {
      res.setHeader("connection", "close");
      return send(res, 503, JSON.stringify({ error: { message: "shutting down", type: "server_error", code: "draining" } }));
    }
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    tokens(req, res);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { message: "internal error", type: "server_error" } }));
    });
  });
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.requestTimeout = options.requestTimeoutMs ?? 15_000;
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    get inFlight() {
      return inFlight;
    },
    close() {
      closing ??= (async () => {
        draining = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          const idle = new Promise<void>((resolve) => (drained = resolve));
          await Promise.race([idle, new Promise((resolve) => setTimeout(resolve, options.drainTimeoutMs ?? 15_000).unref())]);
        }
        server.closeAllConnections();
        await stopped;
        await rateLimits.close();
      })();
      return closing;
    },
  };
}
