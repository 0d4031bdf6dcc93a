// pulumi-openai-realtime/browser: fresh ek_ tokens for a web page, from the
// app's token endpoint (`POST /tokens/{name}`, served by
// `pulumi-openai-realtime tokens` or `createTokenHandler`).
//
// One dependency-free ES module (no imports), so a page can load the built
// file as it is: <script type="module"> import { TokenSource } from
// "/pulumi-openai-realtime/browser.js"; </script>, or a bundler can take it
// from the package.

/** A token minted for one connection, as the endpoint answers it. */
export interface Token {
  /** The `ek_` client secret: the `Bearer` of one `POST /realtime/calls` (or WebSocket). */
  value: string;
  /** Unix seconds, on the API's clock. */
  expiresAt: number;
  /** The endpoint's name. */
  endpoint: string;
  /** The template revision the token was minted from. */
  revision: string;
  /** The session the token opens (`type`, `model`, `audio`...), without credentials. */
  session: Record<string, unknown>;
}

/** Header values sent with every mint request: fixed, or computed per request (e.g. a fresh JWT). */
export type TokenSourceHeaders = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** The part of a `fetch` response read here. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` used here. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    cache: "no-store";
    credentials: "same-origin" | "include" | "omit";
    /** "no-cors" only for the probe that tells a CORS refusal from a network failure. */
    mode?: "no-cors";
  },
) => Promise<FetchResponseLike>;

export interface TokenSourceOptions {
  /** Sent with each `POST` (e.g. `{ Authorization: "Bearer ..." }`). */
  headers?: TokenSourceHeaders;
  /**
   * A token is never handed out (nor kept as the spare) once it is this close
   * to expiry. Default 10; at most half the token's lifetime is used.
   */
  marginSeconds?: number;
  /** Keep one token minted ahead, so `token()` does not wait for a mint. Default true. */
  prefetch?: boolean;
  /** Retries of a mint answered 429 or 5xx, or that failed on the network. Default 4. */
  maxRetries?: number;
  /** A `Retry-After` longer than this fails the mint instead of waiting. Default 60. */
  maxRetryAfterSeconds?: number;
  /** Cookies: `fetch`'s `credentials`. Default "same-origin". */
  credentials?: "same-origin" | "include" | "omit";
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
}

/** A mint that failed for good: the endpoint's status (0 for a network error) and its message. */
export class TokenSourceError extends Error {
  override readonly name = "TokenSourceError";
  readonly status: number;
  /** From `Retry-After`, when the endpoint sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, status: number, retryAfterSeconds?: number) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Held {
  token: Token;
  /** Local `Date.now()` milliseconds after which the token is too close to expiry to hand out. */
  staleAt: number;
}

interface Waiter {
  resolve(token: Token): void;
  reject(error: unknown): void;
}

const RETRYABLE = (status: number): boolean => status === 429 || status >= 500;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds (delta or HTTP date); undefined when absent or unreadable. */
function retryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}

function describe(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof body.error === "object" ? body.error?.message : (body.error ?? body.message);
    if (typeof message === "string" && message !== "") return `token endpoint answered ${status}: ${message}`;
  } catch {
    // not JSON: the status alone
  }
  return `token endpoint answered ${status}`;
}

/**
 * Hands out fresh tokens from a token endpoint, one per connection: each
 * `token()` resolves with a token no other call got. One token is kept
 * minted ahead (and re-minted before it nears expiry), so connecting does
 * not wait for a mint; concurrent calls share that spare and the mints in
 * flight instead of minting twice; 429 and 5xx answers are retried with
 * exponential backoff, or after the `Retry-After` the endpoint sends (which a
 * cross-origin endpoint must expose with `Access-Control-Expose-Headers`, as
 * `createTokenHandler` does with it and `Date`).
 *
 * While prefetching, an idle page mints about one token per
 * (lifetime - margin): call `close()` when the page no longer connects.
 *
 * @example
 * const source = new TokenSource("https://tokens.example.com/tokens/web", { headers: { Authorization: `Bearer ${session}` } });
 * const { value } = await source.token();
 * await fetch("https://api.openai.com/v1/realtime/calls", { method: "POST", body: offer.sdp,
 *   headers: { Authorization: `Bearer ${value}`, "Content-Type": "application/sdp" } });
 */
export class TokenSource {
  readonly url: string;
  private readonly options: Required<Omit<TokenSourceOptions, "headers" | "fetch">> & { headers: TokenSourceHeaders | undefined };
  private readonly fetch: FetchLike;
  private readonly ready: Held[] = [];
  private readonly waiters: Waiter[] = [];
  private inFlight = 0;
  private closed = false;
  /** After a prefetch failed: no more prefetching until the next `token()`. */
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: string, options: TokenSourceOptions = {}) {
    this.url = url;
    this.options = {
      headers: options.headers,
      marginSeconds: options.marginSeconds ?? 10,
      prefetch: options.prefetch ?? true,
      maxRetries: options.maxRetries ?? 4,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
      credentials: options.credentials ?? "same-origin",
    };
    if (options.fetch === undefined && typeof globalThis.fetch !== "function") throw new TypeError("TokenSource needs fetch (pass options.fetch)");
    // The global fetch is called as a plain function: as a method of this object, browsers refuse it.
    this.fetch = options.fetch ?? ((input, init) => (globalThis.fetch as unknown as FetchLike)(input, init));
    this.pump();
  }

  /** A fresh token for one connection, never handed out before and not within the margin of expiry. */
  token(): Promise<Token> {
    if (this.closed) return Promise.reject(new TokenSourceError("TokenSource is closed", 0));
    this.paused = false;
    this.dropStale();
    const held = this.ready.shift();
    const result = held ? Promise.resolve(held.token) : new Promise<Token>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.pump();
    this.schedule();
    return result;
  }

  /** Stops prefetching and drops the spare; tokens being minted still reach their callers. */
  close(): void {
    this.closed = true;
    this.ready.length = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Starts as many mints as the waiting calls and the spare still need. */
  private pump(): void {
    const spare = this.options.prefetch && !this.closed && !this.paused ? 1 : 0;
    for (let needed = this.waiters.length + spare - this.ready.length - this.inFlight; needed > 0; needed--) {
      this.inFlight++;
      this.mint().then(
        (held) => this.minted(held),
        (error: unknown) => this.failed(error),
      );
    }
  }

  private minted(held: Held): void {
    this.inFlight--;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(held.token);
    else if (!this.closed) this.ready.push(held);
    this.schedule();
  }

  private failed(error: unknown): void {
    this.inFlight--;
    const waiter = this.waiters.shift();
    if (waiter) waiter.reject(error);
    else this.paused = true;
    this.pump();
  }

  private dropStale(): void {
    const now = Date.now();
    for (let i = this.ready.length - 1; i >= 0; i--) if (this.ready[i]!.staleAt <= now) this.ready.splice(i, 1);
  }

  /** Re-mints the spare when it nears expiry. */
  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.ready.length === 0) return;
    const first = Math.min(...this.ready.map((h) => h.staleAt));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dropStale();
      this.pump();
      this.schedule();
    }, Math.max(0, first - Date.now()));
  }

  private async headers(): Promise<Record<string, string>> {
    const given = this.options.headers;
    const extra = typeof given === "function" ? await given() : (given ?? {});
    return { accept: "application/json", ...extra };
  }

  /** One token: a `POST`, retried on 429, 5xx and network errors. */
  private async mint(): Promise<Held> {
    for (let attempt = 0; ; attempt++) {
      let response: FetchResponseLike;
      try {
        response = await this.fetch(this.url, {
          method: "POST",
          headers: await this.headers(),
          cache: "no-store",
          credentials: this.options.credentials,
        });
      } catch (error) {
        // A browser reports a CORS refusal as a network error. If an opaque request gets
        // through, the endpoint is up and refuses this page: retrying cannot help.
        if (await this.answers()) {
          throw new TokenSourceError(
            "token endpoint refused this page's origin (CORS): it answers, but not to this page; declare the origin in the endpoint's allowedOrigins",
            0,
          );
        }
        if (attempt >= this.options.maxRetries) {
          throw new TokenSourceError(`token endpoint not reachable from this page (network down, or CORS refused this origin): ${error instanceof Error ? error.message : String(error)}`, 0);
        }
        await sleep(this.backoff(attempt));
        continue;
      }
      const text = await response.text();
      if (response.status === 200 || response.status === 201) return this.hold(response, text);
      const wait = retryAfter(response.headers.get("retry-after"), Date.now());
      const error = new TokenSourceError(describe(response.status, text), response.status, wait);
      if (!RETRYABLE(response.status) || attempt >= this.options.maxRetries) throw error;
      if (wait !== undefined && wait > this.options.maxRetryAfterSeconds) throw error;
      await sleep(wait !== undefined ? wait * 1000 : this.backoff(attempt));
    }
  }

  /** True when a `no-cors` HEAD (which no CORS rule can refuse; no credentials) reaches the endpoint. */
  private async answers(): Promise<boolean> {
    try {
      await this.fetch(this.url, { method: "HEAD", headers: {}, cache: "no-store", credentials: "omit", mode: "no-cors" });
      return true;
    } catch {
      return false;
    }
  }

  /** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s... at most 8 s. */
  private backoff(attempt: number): number {
    const base = Math.min(8000, 500 * 2 ** attempt);
    return base / 2 + Math.random() * (base / 2);
  }

  private hold(response: FetchResponseLike, text: string): Held {
    const received = Date.now();
    let body: Partial<{ value: unknown; expires_at: unknown; endpoint: unknown; revision: unknown; session: unknown }>;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new TokenSourceError(`token endpoint answered ${response.status} without JSON`, response.status);
    }
    if (typeof body.value !== "string" || typeof body.expires_at !== "number") {
      throw new TokenSourceError(`token endpoint answered ${response.status} without value and expires_at`, response.status);
    }
    // The lifetime on the server's clock (its Date header, when this page may
    // read it), so a page whose clock is off still knows when a token nears expiry.
    // The header has whole seconds: the server's time is up to a second past it.
    const serverDate = Date.parse(response.headers.get("date") ?? "");
    const lifetime = body.expires_at - (Number.isNaN(serverDate) ? received : serverDate + 1000) / 1000;
    const margin = Math.min(this.options.marginSeconds, lifetime / 2);
    return {
      token: {
        value: body.value,
        expiresAt: body.expires_at,
        endpoint: typeof body.endpoint === "string" ? body.endpoint : "",
        revision: typeof body.revision === "string" ? body.revision : "",
        session: typeof body.session === "object" && body.session !== null ? (body.session as Record<string, unknown>) : {},
      },
      staleAt: received + (lifetime - margin) * 1000,
    };
  }
}
