import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallRouter } from "./router";
import type { RouterStore } from "./store";

/** How to serve a {@link CallRouter}. */
export interface RouterServerOptions {
  router: CallRouter;
  store: RouterStore;
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** @default "127.0.0.1" */
  host?: string | undefined;
  /** Largest webhook body read; larger ones are refused with 413 and their connection closed. @default 65536 */
  maxBodyBytes?: number | undefined;
  /** Milliseconds a request's headers may take to arrive. @default 10000 */
  headersTimeoutMs?: number | undefined;
  /** Milliseconds a whole request (headers and body) may take to arrive. @default 30000 */
  requestTimeoutMs?: number | undefined;
  /** Connections held at once; more are closed as they open. @default 1024 */
  maxConnections?: number | undefined;
}

/** A listening router. */
export interface RunningRouter {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /**
   * Graceful stop: deliveries arriving meanwhile are answered 503 (the
   * listener stays open until the drain ends), deliveries already taken and
   * in-flight actions finish (see `CallRouter.drain`), then the listener and
   * the store close.
   */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** How long `/healthz` and `/metrics` wait for the store: they answer within a second whatever it does. */
const STORE_PROBE_MS = 800;

/** `work`'s value, or a rejection once `ms` have passed without one. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Ends every connection once its response is written (a draining router's answers). */
function closeAfterResponse(res: ServerResponse): void {
  res.shouldKeepAlive = false;
}

/**
 * Reads the body up to `limit` bytes; undefined as soon as it is known to be
 * larger (declared so, or past the limit while arriving), with the rest left
 * unread: the caller answers 413 and closes the connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.pause();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Answers, then closes the connection without reading what is left of the request. */
function sendAndClose(res: ServerResponse, status: number, body: string): void {
  closeAfterResponse(res);
  res.on("finish", () => res.req.socket.destroy());
  send(res, status, body);
}

/**
 * Serves `POST /webhook`, `GET /healthz` and `GET /metrics` on loopback (by
 * default) and starts the hang-up poller.
 *
 * @example
 * const running = await startRouterServer({ router, store, port: 8787 });
 * console.log(`listening on ${running.url}`);
 */
export async function startRouterServer(options: RouterServerOptions): Promise<RunningRouter> {
  const { router, store } = options;
  const limit = options.maxBodyBytes ?? 65_536;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (router.draining) closeAfterResponse(res);
    if (path === "/webhook") {
      if (req.method !== "POST") return send(res, 405, JSON.stringify({ error: { message: "use POST" } }));
      const body = await readBody(req, limit);
      if (body === undefined) {
        const answer = router.refuse("payload_too_large", `Webhook body is larger than ${limit} bytes`);
        return sendAndClose(res, answer.status, JSON.stringify(answer.body));
      }
      const answer = await router.deliver(body, req.headers);
      return send(res, answer.status, JSON.stringify(answer.body));
    }
    if (path === "/healthz" && req.method === "GET") {
      let storeOk = true;
      await within(store.ping(), STORE_PROBE_MS).catch(() => (storeOk = false));
      const ok = storeOk && !router.draining;
      const status = ok ? "ok" : router.draining ? "draining" : "store_unavailable";
      return send(res, ok ? 200 : 503, JSON.stringify({ status, store: store.kind, inFlight: router.inFlight }));
    }
    if (path === "/metrics" && req.method === "GET") {
      const pendingHangups = await within(store.pendingHangups(), STORE_PROBE_MS).catch(() => undefined);
      const text = router.metrics.render({
        inFlight: router.inFlight,
        deliveriesInProgress: router.deliveriesInProgress,
        ...(pendingHangups !== undefined ? { pendingHangups } : {}),
      });
      return send(res, 200, text, "text/plain; version=0.0.4; charset=utf-8");
    }
    send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${path}; try POST /webhook, GET /healthz, GET /metrics` } }));
  };
  const handling = new Set<Promise<void>>();
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server: Server = createServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout),
      requestTimeout,
      // How often those timeouts are checked (Node's default is every 30 s).
      connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    },
    (req, res) => {
      const work = handle(req, res).catch((error: Error) => {
        if (!res.headersSent) send(res, 500, JSON.stringify({ error: { message: error.message } }));
      });
      handling.add(work);
      void work.finally(() => handling.delete(work));
    },
  );
  server.maxConnections = options.maxConnections ?? 1024;
  // The sender's keep-alive connections must not hold a shutdown open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  router.start();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        // Listening on while draining: a delivery arriving now gets the 503 that sends it elsewhere.
        server.closeIdleConnections();
        await router.drain();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // The answers of the deliveries drained are written before any connection is cut
        // (a request still sending its body is not waited for past a second).
        const grace = new Promise((resolve) => setTimeout(resolve, 1_000).unref());
        await Promise.race([Promise.allSettled([...handling]), grace]);
        server.closeAllConnections();
        await stopped;
        await store.close();
      })();
      return closing;
    },
  };
}
