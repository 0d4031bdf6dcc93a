import type { Dispatcher } from "undici";
import { abortable } from "./abortable-sleep";
import { APIConnectionError } from "./errors/api-connection-error";
import { APIError, type APIErrorBody } from "./errors/api-error";
import { APITimeoutError } from "./errors/api-timeout-error";
import { APIUserAbortError } from "./errors/api-user-abort-error";
import { apiErrorFromStatus } from "./errors/from-status";
import type { FetchInit, FetchLike } from "./fetch-types";
import type { RateLimiter } from "./rate-limiter";
import type { RequestOptions } from "./request-options";
import { backoffMs, decideRetry, isRetryableStatus, shouldRetryHeader } from "./retry";
import { userAgent } from "./user-agent";

/** Everything the transport needs; built by `RealtimeClient` from its options. */
export interface TransportConfig {
  apiKey: string;
  /** API root without a trailing slash, e.g. `http://127.0.0.1:4010/v1` or `http://127.0.0.1:4010`. */
  baseURL: string;
  organization: string | undefined;
  project: string | undefined;
  maxRetries: number;
  timeout: number;
  /** Total ms the retries of one request may span; `undefined` for no time budget. */
  retryTimeout: number | undefined;
  fetch: FetchLike;
  dispatcher: Dispatcher | undefined;
  defaultHeaders: Readonly<Record<string, string>>;
  limiter: RateLimiter;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

/** One API request, before auth and retries. */
export interface OutgoingRequest {
  method: string;
  /** Path relative to the base URL, already URL-encoded, e.g. `/realtime/calls/rtc_1/hangup`. */
  path: string;
  accept: string;
  body?: { contentType: string; data: string } | undefined;
  /**
   * For requests that must not act twice: called when a retry is refused
   * after an earlier attempt may have reached the API (a timeout, a dropped
   * connection, a 5xx). Returning true means the refusal shows that earlier
   * attempt took effect, and the request counts as done.
   */
  alreadyDone?: ((error: APIError) => boolean) | undefined;
}

/** A response with a 2xx status, body read. */
export interface IncomingResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

const MESSAGE_SNIPPET_CHARS = 200;

/**
 * Sends requests with auth, per-attempt timeouts, a shared rate limiter and
 * retries, and turns every failure into one of the typed errors. The API key
 * lives only in a private field and is scrubbed from any text the server
 * echoes into an error.
 */
export class Transport {
  readonly #apiKey: string;
  readonly #config: Omit<TransportConfig, "apiKey">;
  readonly #origin: string;

  constructor(config: TransportConfig) {
    const { apiKey, ...rest } = config;
    this.#apiKey = apiKey;
    this.#config = rest;
    this.#origin = new URL(config.baseURL).origin;
  }

  /** Sends `req`, retrying as configured; resolves only for 2xx responses. */
  async send(req: OutgoingRequest, options: RequestOptions = {}): Promise<IncomingResponse> {
    const { limiter, now } = this.#config;
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const budget = options.retryTimeout ?? this.#config.retryTimeout;
    const signal = options.signal ?? undefined;
    const attempt = { url: this.#config.baseURL + req.path, init: this.#init(req, options), timeout: options.timeout ?? this.#config.timeout };
    const started = now();
    // Whether an earlier attempt may have reached the API and acted.
    let mayHaveActed = false;
    for (let retries = 0; ; retries++) {
      await this.#guardAbort(limiter.acquire(signal), req, signal);
      const outcome = await this.#tryOnce(req, attempt, signal, retries, mayHaveActed);
      if ("response" in outcome) return outcome.response;
      mayHaveActed ||= outcome.mayHaveActed;
      const { failure, delayMs } = outcome;
      if (delayMs === undefined || retries >= maxRetries) throw this.#gaveUp(failure, retries, undefined);
      if (budget !== undefined && now() - started + delayMs > budget) throw this.#gaveUp(failure, retries, budget);
      // After a 429 the limiter holds this request back with all the others; no second wait here.
      if (outcome.rateLimited) limiter.pause(delayMs);
      else await this.#guardAbort(abortable(this.#config.sleep(delayMs), signal), req, signal);
    }
  }

  /** One attempt: a 2xx response, or the failure with the wait before a retry (none when not retryable). */
  async #tryOnce(
    req: OutgoingRequest,
    attempt: { url: string; init: Omit<FetchInit, "signal">; timeout: number },
    signal: AbortSignal | undefined,
    retries: number,
    mayHaveActed: boolean,
  ): Promise<
    | { response: IncomingResponse }
    | { failure: APIError | APIConnectionError; delayMs: number | undefined; mayHaveActed: boolean; rateLimited: boolean }
  > {
    let res: IncomingResponse;
    try {
      res = await this.#attempt(attempt.url, attempt.init, attempt.timeout, req, signal);
    } catch (err) {
      if (!(err instanceof APIConnectionError)) throw err;
      // The request may have been sent before the connection broke or the timer fired.
      return { failure: err, delayMs: backoffMs(retries, this.#config.random()), mayHaveActed: true, rateLimited: false };
    }
    if (res.status >= 200 && res.status < 300) return { response: res };
    if (res.status >= 300 && res.status < 400) throw this.#redirectError(req, res);
    const failure = this.#statusError(req, res);
    if (mayHaveActed && req.alreadyDone?.(failure) === true) return { response: { status: 200, headers: res.headers, body: "" } };
    let delayMs: number | undefined;
    if (shouldRetryHeader(res.headers) ?? isRetryableStatus(res.status)) {
      const decision = decideRetry(res.headers, retries, this.#config);
      if (decision.retry) delayMs = decision.delayMs;
    }
    return {
      failure,
      delayMs,
      // A 5xx or 408 may come after the API acted (a gateway timing out on a slow backend).
      mayHaveActed: res.status >= 500 || res.status === 408,
      // Everyone sharing the limiter waits out a rate limit, not only this request.
      rateLimited: res.status === 429,
    };
  }

  #gaveUp<E extends APIError | APIConnectionError>(err: E, retries: number, budget: number | undefined): E {
    err.retries = retries;
    if (budget !== undefined) {
      err.message += `; gave up after ${plural(retries, "retry", "retries")}: the next would pass the ${budget / 1000} s retry budget`;
    } else if (retries > 0) {
      err.message += `; gave up after ${plural(retries, "retry", "retries")}`;
    }
    return err;
  }

  async #guardAbort<T>(wait: Promise<T>, req: OutgoingRequest, signal: AbortSignal | undefined): Promise<T> {
    try {
      return await wait;
    } catch (err) {
      if (signal?.aborted === true) throw new APIUserAbortError(req.method, req.path, { cause: signal.reason });
      throw err;
    }
  }

  #init(req: OutgoingRequest, options: RequestOptions): Omit<FetchInit, "signal"> {
    const headers: Record<string, string> = {
      accept: req.accept,
      authorization: `Bearer ${this.#apiKey}`,
      "user-agent": userAgent(),
    };
    if (req.body !== undefined) headers["content-type"] = req.body.contentType;
    if (this.#config.organization !== undefined) headers["openai-organization"] = this.#config.organization;
    if (this.#config.project !== undefined) headers["openai-project"] = this.#config.project;
    // Lower-casing makes a caller's `Accept` replace ours instead of adding a second header.
    for (const extra of [this.#config.defaultHeaders, options.headers ?? {}]) {
      for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
    }
    const init: Omit<FetchInit, "signal"> = { method: req.method, headers, redirect: "manual" };
    if (req.body !== undefined) init.body = req.body.data;
    return init;
  }

  async #attempt(
    url: string,
    init: Omit<FetchInit, "signal">,
    timeout: number,
    req: OutgoingRequest,
    signal: AbortSignal | undefined,
  ): Promise<IncomingResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (signal?.aborted === true) throw signal.reason;
      const fetchInit: FetchInit & { dispatcher?: Dispatcher } = { ...init, signal: controller.signal };
      if (this.#config.dispatcher !== undefined) fetchInit.dispatcher = this.#config.dispatcher;
      const res = await this.#config.fetch(url, fetchInit);
      // The body is read inside the timer too: a server that sends headers and stalls is a timeout.
      const body = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      return { status: res.status, headers, body };
    } catch (err) {
      if (signal?.aborted === true) throw new APIUserAbortError(req.method, req.path, { cause: signal.reason });
      if (controller.signal.aborted || isUndiciTimeout(err)) throw new APITimeoutError(req.method, req.path, timeout);
      const detail = `connection to ${this.#origin} failed: ${this.#redact(rootMessage(err))}`;
      throw new APIConnectionError(req.method, req.path, detail, { cause: err });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  #statusError(req: OutgoingRequest, res: IncomingResponse): APIError {
    const error = parseErrorBody(res.body);
    if (error?.message !== undefined) error.message = this.#redact(error.message);
    const snippet = res.body.replace(/\s+/g, " ").trim().slice(0, MESSAGE_SNIPPET_CHARS);
    return apiErrorFromStatus({
      status: res.status,
      method: req.method,
      path: req.path,
      headers: res.headers,
      error,
      fallbackMessage: snippet === "" ? undefined : this.#redact(snippet),
    });
  }

  #redirectError(req: OutgoingRequest, res: IncomingResponse): APIError {
    const origin = this.#origin;
    let target = "an invalid location";
    try {
      // Only the origin is echoed: a redirect URL can carry tokens in its query.
      target = new URL(res.headers["location"] ?? "", this.#config.baseURL + "/").origin;
    } catch {
      // keep the generic wording
    }
    const where = target === origin ? "within the same origin" : `to ${target}, off the configured origin ${origin}`;
    return new APIError({
      status: res.status,
      method: req.method,
      path: req.path,
      headers: res.headers,
      fallbackMessage: `refused to follow a redirect ${where}; the Realtime API does not redirect, so check baseURL`,
    });
  }

  /** Short keys (tests) are left alone: scrubbing them would mangle ordinary words. */
  #redact(text: string): string {
    return this.#apiKey.length >= 8 ? text.replaceAll(this.#apiKey, "[redacted]") : text;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** undici's own header/body timeouts (300 s by default in Node's fetch) are timeouts too. */
function isUndiciTimeout(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT";
}

function parseErrorBody(body: string): APIErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return undefined;
  const { message, type, param, code } = error as Record<string, unknown>;
  const text = (v: unknown): string | undefined =>
    typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
  return {
    message: text(message),
    type: text(type),
    param: param === null ? null : text(param),
    code: code === null ? null : text(code),
  };
}

/** undici wraps the socket error ("fetch failed" -> "connect ECONNREFUSED ..."); the innermost says why. */
function rootMessage(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(current);
}
