import type { Dispatcher } from "undici";
import { APIConnectionError } from "./errors/api-connection-error";
import { APIError, type APIErrorBody } from "./errors/api-error";
import { APITimeoutError } from "./errors/api-timeout-error";
import { apiErrorFromStatus } from "./errors/from-status";
import type { FetchInit, FetchLike } from "./fetch-types";
import type { RequestOptions } from "./request-options";
import { backoffMs, decideRetry, isRetryableStatus } from "./retry";

/** Everything the transport needs; built by `RealtimeClient` from its options. */
export interface TransportConfig {
  apiKey: string;
  baseURL: URL;
  organization: string | undefined;
  project: string | undefined;
  maxRetries: number;
  timeout: number;
  fetch: FetchLike;
  dispatcher: Dispatcher | undefined;
  defaultHeaders: Readonly<Record<string, string>>;
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
 * Sends requests with auth, per-attempt timeouts and retries, and turns every
 * failure into one of the typed errors. The API key lives only in a private
 * field and is scrubbed from any text the server echoes into an error.
 */
export class Transport {
  readonly #apiKey: string;
  readonly #config: Omit<TransportConfig, "apiKey">;

  constructor(config: TransportConfig) {
    const { apiKey, ...rest } = config;
    this.#apiKey = apiKey;
    this.#config = rest;
  }

  /** Sends `req`, retrying as configured; resolves only for 2xx responses. */
  async send(req: OutgoingRequest, options: RequestOptions = {}): Promise<IncomingResponse> {
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;
    const timeout = options.timeout ?? this.#config.timeout;
    const url = this.#config.baseURL.href + req.path;
    const init = this.#init(req, options);
    for (let retryIndex = 0; ; retryIndex++) {
      const canRetry = retryIndex < maxRetries;
      let res: IncomingResponse;
      try {
        res = await this.#attempt(url, init, timeout, req);
      } catch (err) {
        if (!canRetry) throw err;
        await this.#config.sleep(backoffMs(retryIndex, this.#config.random()));
        continue;
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (res.status >= 300 && res.status < 400) throw this.#redirectError(req, res);
      if (canRetry && isRetryableStatus(res.status)) {
        const decision = decideRetry(res.headers, retryIndex, this.#config);
        if (decision.retry) {
          await this.#config.sleep(decision.delayMs);
          continue;
        }
      }
      throw this.#statusError(req, res);
    }
  }

  #init(req: OutgoingRequest, options: RequestOptions): Omit<FetchInit, "signal"> {
    const headers: Record<string, string> = { accept: req.accept, authorization: `Bearer ${this.#apiKey}` };
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
  ): Promise<IncomingResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
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
      if (controller.signal.aborted) throw new APITimeoutError(req.method, req.path, timeout);
      const detail = `connection to ${this.#config.baseURL.origin} failed: ${this.#redact(rootMessage(err))}`;
      throw new APIConnectionError(req.method, req.path, detail, { cause: err });
    } finally {
      clearTimeout(timer);
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
    const origin = this.#config.baseURL.origin;
    let target = "an invalid location";
    try {
      // Only the origin is echoed: a redirect URL can carry tokens in its query.
      target = new URL(res.headers["location"] ?? "", this.#config.baseURL).origin;
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
