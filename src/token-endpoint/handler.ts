import { RealtimeClient } from "../client/client";
import { isAPIConnectionError, isAPIError } from "../client/errors/guards";
import type { RateLimiter } from "../client/rate-limiter";
import { withoutCredentials } from "./credentials";
import {
  parseTokenEndpoints,
  type TokenEndpointAuth,
  type TokenEndpointDefinition,
  type TokenEndpoints,
  type TokenEndpointsInput,
} from "./definitions";
import { MemoryRateLimits, type ClientRateLimits } from "./rate-limits";

/** What the handler knows of the caller beyond the Request (the node adapter fills it in). */
export interface TokenRequestContext {
  /** The peer's address; the rate-limit key of a caller without a subject. */
  clientAddress?: string | undefined;
}

/** The endpoint a request asks for, as `authorize` sees it. */
export interface TokenEndpointRequest {
  name: string;
  auth: TokenEndpointAuth;
  definition: TokenEndpointDefinition;
}

/** An authorized caller: `subject` keys its rate limit (else its address does). */
export interface Authorization {
  subject?: string | undefined;
}

/**
 * Decides whether a request may mint: resolve an {@link Authorization}, or
 * `false` for 401. Throw a {@link TokenRequestError} for another status
 * (e.g. 403). Not called for endpoints declared `auth: none`.
 */
export type Authorize = (
  request: Request,
  endpoint: TokenEndpointRequest,
) => Authorization | false | Promise<Authorization | false>;

/** How one request ended, reported to `onRequest` (for logs and metrics). */
export type TokenOutcome =
  | "minted"
  | "preflight"
  | "method_not_allowed"
  | "not_found"
  | "origin_not_allowed"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "unavailable"
  | "api_error"
  | "internal_error";

/** One request's record: never a token, key, JWT or bearer token. */
export interface TokenRequestRecord {
  endpoint: string | undefined;
  outcome: TokenOutcome;
  status: number;
  /** Milliseconds from the request to the answer. */
  durationMs: number;
  subject?: string | undefined;
  clientAddress?: string | undefined;
  origin?: string | undefined;
  revision?: string | undefined;
  expiresAt?: number | undefined;
  /** The API's `x-request-id` (minted, or failed). */
  requestId?: string | undefined;
  /** Why it failed, in words that hold no secret. */
  reason?: string | undefined;
}

/** Options of {@link createTokenHandler}. */
export interface TokenHandlerOptions {
  /**
   * The endpoints (the `tokenEndpoints` stack output), or a function giving
   * the current ones, for a server that reloads them.
   */
  endpoints: TokenEndpointsInput | (() => TokenEndpoints);
  /** @default process.env.OPENAI_API_KEY */
  apiKey?: string | undefined;
  /** @default process.env.OPENAI_BASE_URL, else the OpenAI API */
  baseURL?: string | undefined;
  /** The client to mint with (its retries and rate limiter); built from apiKey/baseURL when absent. */
  client?: RealtimeClient | undefined;
  /** A limiter shared with other clients of the same key (used only when `client` is absent). */
  rateLimiter?: RateLimiter | undefined;
  /** Retries per mint on 429, 5xx and network errors (used only when `client` is absent). @default 2 */
  maxRetries?: number | undefined;
  /** Milliseconds per API attempt (used only when `client` is absent). @default 15000 */
  timeout?: number | undefined;
  /** Decides who may mint from endpoints with `auth: bearer` or `jwt`; without it they answer 401. */
  authorize?: Authorize | undefined;
  /** Per-client buckets for endpoints with a `rateLimit`. @default one process's memory */
  rateLimits?: ClientRateLimits | undefined;
  /** Path the endpoints live under. @default "/tokens" */
  basePath?: string | undefined;
  /** Largest request body read; larger ones answer 413. @default 16384 */
  maxBodyBytes?: number | undefined;
  /** Called once per request with its outcome (never a secret). */
  onRequest?: ((record: TokenRequestRecord) => void) | undefined;
  /** Clock in ms, for durations. @default performance.now */
  now?: (() => number) | undefined;
}

/** A Web-standard request handler: Next.js route handlers, Hono, Bun, Deno, Workers. */
export type TokenHandler = (request: Request, context?: TokenRequestContext) => Promise<Response>;

/** A refusal with its HTTP status, thrown by `authorize` (or by the handler itself). */
export class TokenRequestError extends Error {
  override readonly name = "TokenRequestError";
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const OUTCOME_OF_STATUS: Readonly<Record<number, TokenOutcome>> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  429: "rate_limited",
  503: "unavailable",
};

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

/**
 * A request as the handler's rules read it, whichever server it came
 * through: the Web edge ({@link createTokenHandler}) builds one from a
 * `Request`, the node edge ({@link toNodeListener}) from an `IncomingMessage`
 * without building a `Request`.
 */
export interface TokenCall {
  method: string;
  /** The URL's path, without the query. */
  path: string;
  origin: string | null;
  clientAddress?: string | undefined;
  /** Reads the body: resolves true when it is at most `limit` bytes. */
  bodyWithin(limit: number): Promise<boolean>;
  /** The Web Request `authorize` is given (the node edge builds it only when asked). */
  request(): Request;
}

/** What the handler answers to a {@link TokenCall}: the edge writes it, then calls `report`. */
export interface TokenAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null (204). */
  body: string | null;
  /** Passes the request's record to `onRequest`, its duration up to now: call it once the answer is written. */
  report(): void;
}

/** The rules behind a {@link TokenHandler}, shared by its Web and node:http edges. */
export type TokenRules = (call: TokenCall) => Promise<TokenAnswer>;

const RULES = new WeakMap<TokenHandler, TokenRules>();

/** The rules a handler made by {@link createTokenHandler} answers with; undefined for any other function. */
export function rulesOf(handler: TokenHandler): TokenRules | undefined {
  return RULES.get(handler);
}

/** Reads at most `limit` bytes; false when the body is larger. */
async function bodyWithin(request: Request, limit: number): Promise<boolean> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return false;
  if (request.body === null) return true;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

/** True when `origin` is one of `allowed` (exact, or a `*` wildcard in the host). */
export function originAllowed(origin: string, allowed: readonly string[] | undefined): boolean {
  for (const pattern of allowed ?? []) {
    if (pattern === origin || pattern === "*") return true;
    if (pattern.includes("*")) {
      const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, "\\$&")).join("[A-Za-z0-9-]+");
      if (new RegExp(`^${source}$`).test(origin)) return true;
    }
  }
  return false;
}

function corsHeaders(origin: string | null, allowed: boolean): Record<string, string> {
  const headers: Record<string, string> = { vary: "Origin" };
  if (origin !== null && allowed) {
    headers["access-control-allow-origin"] = origin;
    // Date: the endpoint's clock, which TokenSource reads to judge a token's lifetime on a page whose clock is off.
    headers["access-control-expose-headers"] = "Date, Retry-After";
  }
  return headers;
}

function buildClient(options: TokenHandlerOptions): RealtimeClient {
  return (
    options.client ??
    new RealtimeClient({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      rateLimiter: options.rateLimiter,
      maxRetries: options.maxRetries,
      timeout: options.timeout ?? 15_000,
      // Every session was checked against the schema when the endpoints were parsed; not again per mint.
      validateRequests: false,
    })
  );
}

/**
 * Builds the token endpoint: `POST {basePath}/{endpoint}` mints one `ek_`
 * token from the endpoint's declared session and answers
 * `201 { value, expires_at, endpoint, revision, session }` (the session
 * without credentials), `Cache-Control: no-store`. Refusals are JSON
 * errors: 401 (no or bad credentials), 403 (undeclared origin), 404 (unknown
 * endpoint), 405, 413 (body too large), 429 with `Retry-After` (the
 * client's rate limit), 502 (the API failed; with its request id). None of
 * them makes an API request. `OPTIONS` answers CORS preflights for declared
 * origins only. Every mint goes through one client, so its retries and its
 * rate limiter apply to all of them: an API 429 holds back every mint.
 *
 * @throws TokenEndpointsError when `endpoints` (an object) is invalid; OpenAIRealtimeError when no API key is set.
 * @example
 * ```ts
 * // app/tokens/[endpoint]/route.ts (Next.js)
 * import { createTokenHandler } from "pulumi-openai-realtime/tokens";
 * import endpoints from "./endpoints.json";
 * const handler = createTokenHandler({ endpoints, authorize: async (req) => (await session(req)) ? { subject: "user-1" } : false });
 * export const POST = handler, OPTIONS = handler;
 * ```
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const rules = tokenRules(options);
  const handler: TokenHandler = async (request, context = {}) => {
    const answer = await rules({
      method: request.method,
      path: new URL(request.url).pathname,
      origin: request.headers.get("origin"),
      clientAddress: context.clientAddress,
      bodyWithin: (limit) => bodyWithin(request, limit),
      request: () => request,
    });
    const response = new Response(answer.body, { status: answer.status, headers: answer.headers });
    answer.report();
    return response;
  };
  RULES.set(handler, rules);
  return handler;
}

const PUBLIC_SESSIONS = new WeakMap<TokenEndpointDefinition, string>();

/** An endpoint's session as a token answer shows it (without credentials), as JSON: once per definition. */
function publicSession(definition: TokenEndpointDefinition): string {
  let text = PUBLIC_SESSIONS.get(definition);
  if (text === undefined) {
    text = JSON.stringify(withoutCredentials(definition.session));
    PUBLIC_SESSIONS.set(definition, text);
  }
  return text;
}

/** The decisions of {@link createTokenHandler}, on a request of either edge. */
function tokenRules(options: TokenHandlerOptions): TokenRules {
  const fixed = typeof options.endpoints === "function" ? undefined : parseTokenEndpoints(options.endpoints);
  const current = typeof options.endpoints === "function" ? options.endpoints : () => fixed!;
  const client = buildClient(options);
  const rateLimits = options.rateLimits ?? new MemoryRateLimits();
  const base = `${(options.basePath ?? "/tokens").replace(/\/+$/, "")}/`;
  const limit = options.maxBodyBytes ?? 16_384;
  const now = options.now ?? (() => performance.now());
  const onRequest = options.onRequest;

  return async (call) => {
    const started = now();
    const { origin, path } = call;
    const record: TokenRequestRecord = { endpoint: undefined, outcome: "minted", status: 201, durationMs: 0 };
    if (call.clientAddress !== undefined) record.clientAddress = call.clientAddress;
    if (origin !== null) record.origin = origin;
    let cors: Record<string, string> = corsHeaders(origin, false);
    const finish = (status: number, body: string | null, headers: Record<string, string>, outcome: TokenOutcome, extra?: Partial<TokenRequestRecord>): TokenAnswer => {
      if (extra !== undefined) Object.assign(record, extra);
      record.outcome = outcome;
      record.status = status;
      const report = (): void => {
        record.durationMs = now() - started;
        onRequest?.(record);
      };
      return { status, headers, body, report };
    };
    const json = (status: number, body: unknown, headers: Record<string, string>, outcome: TokenOutcome, extra?: Partial<TokenRequestRecord>): TokenAnswer =>
      finish(status, JSON.stringify(body), { ...JSON_HEADERS, ...headers }, outcome, extra);
    const refuse = (error: TokenRequestError): TokenAnswer => {
      const body = { error: { message: error.message, type: "token_endpoint_error", code: error.code } };
      const outcome = OUTCOME_OF_STATUS[error.status] ?? "forbidden";
      return json(error.status, body, { ...cors, ...error.headers }, outcome, { reason: error.code });
    };

    try {
      const name = path.startsWith(base) ? decodeURIComponent(path.slice(base.length)) : undefined;
      const endpoints = current();
      const definition = name !== undefined && Object.hasOwn(endpoints, name) ? endpoints[name] : undefined;
      if (name === undefined || definition === undefined) {
        const known = Object.keys(endpoints).join(", ") || "none";
        throw new TokenRequestError(404, "unknown_endpoint", `No token endpoint at ${path}; endpoints: ${known} under ${base}`);
      }
      record.endpoint = name;
      record.revision = definition.revision;
      const allowed = origin !== null && originAllowed(origin, definition.allowedOrigins);
      cors = corsHeaders(origin, allowed);
      if (call.method === "OPTIONS") {
        if (!allowed) throw new TokenRequestError(403, "origin_not_allowed", `Origin ${origin ?? "(none)"} is not allowed for endpoint '${name}'`);
        const headers = {
          ...cors,
          "access-control-allow-methods": "POST, OPTIONS",
          "access-control-allow-headers": "authorization, content-type",
          "access-control-max-age": "600",
          "cache-control": "no-store",
        };
        return finish(204, null, headers, "preflight");
      }
      if (call.method !== "POST") {
        throw new TokenRequestError(405, "method_not_allowed", `Use POST to mint a token (got ${call.method})`, { allow: "POST, OPTIONS" });
      }
      // A browser always sends Origin on a cross-site POST; a server-side caller sends none.
      if (origin !== null && !allowed) {
        throw new TokenRequestError(403, "origin_not_allowed", `Origin ${origin} is not allowed for endpoint '${name}'`);
      }
      if (!(await call.bodyWithin(limit))) {
        throw new TokenRequestError(413, "payload_too_large", `Request body is larger than ${limit} bytes`, { connection: "close" });
      }
      const auth = definition.auth;
      let subject: string | undefined;
      if (auth !== "none") {
        const granted = options.authorize === undefined ? false : await options.authorize(call.request(), { name, auth, definition });
        if (granted === false) {
          const how = auth === "jwt" ? "a valid JWT" : "a valid bearer token";
          throw new TokenRequestError(401, "unauthorized", `Endpoint '${name}' needs ${how} in the Authorization header`, {
            "www-authenticate": 'Bearer realm="tokens"',
          });
        }
        subject = granted.subject;
        if (subject !== undefined) record.subject = subject;
      }
      if (definition.rateLimit !== undefined) {
        const who = subject !== undefined ? `sub:${subject}` : `addr:${call.clientAddress ?? "unknown"}`;
        // A store that cannot answer refuses the mint (the limit is not waived), and says when to retry.
        const decision = await rateLimits.take(`${name}:${who}`, definition.rateLimit).catch(() => {
          throw new TokenRequestError(503, "rate_limit_store_unavailable", "The rate-limit store is not answering; retry shortly", { "retry-after": "1" });
        });
        if (!decision.allowed) {
          throw new TokenRequestError(429, "rate_limited", `Too many tokens for this client; retry after ${decision.retryAfterSeconds} s`, {
            "retry-after": String(decision.retryAfterSeconds),
          });
        }
      }
      return await mint(name, definition);
    } catch (error) {
      if (error instanceof TokenRequestError) return refuse(error);
      return apiFailure(error);
    }

    async function mint(name: string, definition: TokenEndpointDefinition): Promise<TokenAnswer> {
      const secret = await client.clientSecrets.create({
        expires_after: { anchor: "created_at", seconds: definition.expiresAfterSeconds },
        session: definition.session,
      });
      const head = JSON.stringify({ value: secret.value, expires_at: secret.expires_at, endpoint: name, revision: definition.revision });
      const body = `${head.slice(0, -1)},"session":${publicSession(definition)}}`;
      return finish(201, body, { ...JSON_HEADERS, ...cors }, "minted", { expiresAt: secret.expires_at, requestId: secret._request_id });
    }

    function apiFailure(error: unknown): TokenAnswer {
      const requestId = isAPIError(error) ? error.requestId : undefined;
      const reason = isAPIError(error)
        ? `api_status_${error.status}${error.code !== undefined ? `_${error.code}` : ""}`
        : isAPIConnectionError(error)
          ? "api_unreachable"
          : "internal_error";
      if (reason === "internal_error") {
        // Our own fault (e.g. a session the client refuses to send): no detail to the caller.
        const body = { error: { message: "The token could not be minted", type: "server_error", code: reason } };
        return json(500, body, cors, "internal_error", { reason });
      }
      const message = isAPIError(error)
        ? `The Realtime API refused the mint with status ${error.status}`
        : "The Realtime API could not be reached";
      const body = { error: { message, type: "api_error", code: reason, ...(requestId !== undefined ? { request_id: requestId } : {}) } };
      return json(502, body, cors, "api_error", { reason, requestId });
    }
  };
}
