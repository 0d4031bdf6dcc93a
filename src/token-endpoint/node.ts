import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenHandler } from "./handler";

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Bytes of body passed on at most; the handler answers 413 past its own limit. @default 16384 */
  maxBodyBytes?: number | undefined;
}

/** An Express-style request: `originalUrl` when mounted under a prefix, `body` when a parser ran first. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/** Reads up to `limit + 1` bytes: enough for the handler to tell that a body is too large. */
function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      req.off("data", onData);
      resolve(Buffer.concat(chunks).subarray(0, limit + 1));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done();
      }
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("error", reject);
  });
}

/** The Web Request a node request stands for. */
async function toRequest(req: NodeRequest, limit: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const host = req.headers.host ?? "localhost";
  const url = new URL(req.originalUrl ?? req.url ?? "/", `http://${host}`);
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  let body: Uint8Array;
  if (req.body !== undefined && req.readableEnded) {
    // A body parser (e.g. express.json()) already read the stream.
    body = Buffer.from(typeof req.body === "string" || Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body));
  } else {
    body = await readUpTo(req, limit);
  }
  // The length of what is passed on, so a cut-off body still reads as too large.
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(url, { method, headers, body: body.length === 0 ? null : body });
}

/** Writes a Web Response to a node response. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Serves a {@link TokenHandler} from `node:http` or Express: the peer's
 * address becomes the rate-limit key of callers without a subject.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { createTokenHandler, toNodeListener } from "pulumi-openai-realtime/tokens";
 * createServer(toNodeListener(createTokenHandler({ endpoints }))).listen(8788);
 * // Express: app.all("/tokens/:endpoint", toNodeListener(handler));
 * ```
 */
export function toNodeListener(
  handler: TokenHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void {
  const limit = options.maxBodyBytes ?? 16_384;
  return (req, res, next) => {
    void (async () => {
      const request = await toRequest(req as NodeRequest, limit);
      const response = await handler(request, { clientAddress: req.socket.remoteAddress });
      await writeResponse(response, res);
    })().catch((error: unknown) => {
      if (next !== undefined) return next(error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: { message: "internal error", type: "server_error" } }));
      } else res.destroy();
    });
  };
}
