import type { IncomingMessage, ServerResponse } from "node:http";
import { rulesOf, type TokenCall, type TokenHandler, type TokenRules } from "./handler";

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

/** A node request's headers as Web Headers. */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/** The Web Request a node request stands for. */
async function toRequest(req: NodeRequest, limit: number): Promise<Request> {
  const headers = webHeaders(req);
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

/** The handler's rules on a node request, without a Web Request unless `authorize` asks for one. */
function nodeCall(req: NodeRequest): TokenCall {
  const url = req.originalUrl ?? req.url ?? "/";
  const query = url.indexOf("?");
  const raw = query === -1 ? url : url.slice(0, query);
  let request: Request | undefined;
  const origin = req.headers.origin;
  return {
    method: req.method ?? "GET",
    // As the Web edge reads it: dot segments (also percent-encoded) and
    // backslashes resolved by the URL parser; a plain path as it came.
    path: /[.\\%]/.test(raw) ? new URL(raw, "http://localhost").pathname : raw,
    origin: origin ?? null,
    clientAddress: req.socket.remoteAddress,
    async bodyWithin(limit) {
      if (req.body !== undefined && req.readableEnded) {
        // A body parser (e.g. express.json()) already read the stream.
        const body = req.body;
        return Buffer.byteLength(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body)) <= limit;
      }
      if (Number(req.headers["content-length"] ?? "0") > limit) return false;
      return (await readUpTo(req, limit)).length <= limit;
    },
    request() {
      // The body is read by now (authorize comes after the body limit): headers, method and URL only.
      request ??= new Request(new URL(url, `http://${req.headers.host ?? "localhost"}`), { method: req.method ?? "GET", headers: webHeaders(req) });
      return request;
    },
  };
}

/** Answers a node request by the handler's rules: no Web Request or Response in between. */
async function answerNode(rules: TokenRules, req: NodeRequest, res: ServerResponse): Promise<void> {
  const answer = await rules(nodeCall(req));
  const headers = answer.headers;
  if (answer.body !== null) headers["content-length"] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers);
  res.end(answer.body ?? undefined);
  answer.report();
}

/**
 * Serves a {@link TokenHandler} from `node:http` or Express: the peer's
 * address becomes the rate-limit key of callers without a subject. A handler
 * made by `createTokenHandler` answers straight from the node request (the
 * same rules, without building a Web Request and Response); any other
 * Web-standard handler gets a `Request` and its `Response` is written back.
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
  const rules = rulesOf(handler);
  const serve =
    rules !== undefined
      ? (req: IncomingMessage, res: ServerResponse) => answerNode(rules, req as NodeRequest, res)
      : async (req: IncomingMessage, res: ServerResponse) => {
          const request = await toRequest(req as NodeRequest, limit);
          const response = await handler(request, { clientAddress: req.socket.remoteAddress });
          await writeResponse(response, res);
        };
  return (req, res, next) => {
    serve(req, res).catch((error: unknown) => {
      if (next !== undefined) return next(error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: { message: "internal error", type: "server_error" } }));
      } else res.destroy();
    });
  };
}
