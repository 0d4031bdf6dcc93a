import { inspect } from "node:util";
import type { Dispatcher } from "undici";
import { Api } from "./api";
import { DEFAULT_BASE_URL, parseBaseURL } from "./base-url";
import { Calls } from "./calls";
import { ClientSecrets } from "./client-secrets";
import { defaultTransport } from "./default-fetch";
import { OpenAIRealtimeError } from "./errors/openai-realtime-error";
import type { FetchLike } from "./fetch-types";
import { RateLimiter } from "./rate-limiter";
import { Sessions } from "./sessions";
import { TranscriptionSessions } from "./transcription-sessions";
import { Transport } from "./transport";
import { Translations } from "./translations";
import { Webhooks } from "./webhooks";

/** Options of {@link RealtimeClient}; the names match the official `openai` SDK's. */
export interface ClientOptions {
  /**
   * API key (`sk-...`), or an `ek_` client secret for `calls.create` without a session.
   * @default process.env.OPENAI_API_KEY
   */
  apiKey?: string | undefined;
  /**
   * API root. Must be https, or http to a loopback host (the emulator).
   * @default process.env.OPENAI_BASE_URL, else "https://api.openai.com/v1"
   */
  baseURL?: string | undefined;
  /**
   * Sent as `OpenAI-Organization`.
   * @default process.env.OPENAI_ORG_ID
   */
  organization?: string | null | undefined;
  /**
   * Sent as `OpenAI-Project`.
   * @default process.env.OPENAI_PROJECT_ID
   */
  project?: string | null | undefined;
  /**
   * Default secret of `client.webhooks`.
   * @default process.env.OPENAI_WEBHOOK_SECRET
   */
  webhookSecret?: string | null | undefined;
  /**
   * Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx, or
   * as the server's `x-should-retry: true|false` says.
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Milliseconds per attempt (so a call can take about `(maxRetries + 1) * timeout` plus backoff).
   * Node's fetch also ends an attempt whose response headers take over 300 s.
   * @default 600000 (10 minutes, as the official SDK)
   */
  timeout?: number | undefined;
  /**
   * Milliseconds all retries of one call may span: no retry starts once the
   * wait before it would pass this, whatever `maxRetries` allows. An
   * infrastructure run sets a few minutes with a large `maxRetries`.
   * @default undefined (no time budget; `maxRetries` alone decides)
   */
  retryTimeout?: number | undefined;
  /**
   * Requests started per second at most, by this client (ignored when `rateLimiter` is given).
   * @default Infinity (no cap; a 429 still holds back every request of the client)
   */
  maxRequestsPerSecond?: number | undefined;
  /** A limiter shared with other clients, so they pace and back off together. @default one per client */
  rateLimiter?: RateLimiter | undefined;
  /**
   * A fetch-compatible function, e.g. for tests.
   * @default Node's global fetch; the `undici` package's fetch with an
   *   `EnvHttpProxyAgent` when `HTTPS_PROXY` / `HTTP_PROXY` is set (honouring `NO_PROXY`)
   */
  fetch?: FetchLike | undefined;
  /**
   * An undici Dispatcher (e.g. a `ProxyAgent`), passed to fetch as `init.dispatcher`
   * (with the `undici` package's fetch unless `fetch` is given too).
   * @default none, or the proxy agent described under `fetch`
   */
  dispatcher?: Dispatcher | undefined;
  /** Headers added to every request; per-call `headers` win over them. */
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
  /**
   * Validate request bodies against the schemas before sending. Turn off only
   * to use an API field this package does not know yet.
   * @default true
   */
  validateRequests?: boolean | undefined;
  /** Waits between retries and in the rate limiter; tests pass a fake. @default setTimeout-based */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Clock in ms, for `retry-after` HTTP dates, `retryTimeout` and the rate limiter. @default Date.now */
  now?: (() => number) | undefined;
  /** Jitter source in [0, 1). @default Math.random */
  random?: (() => number) | undefined;
}

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 600_000;
// setTimeout overflows past this and fires at once.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

function optionalSetting(value: string | null | undefined, envName: string): string | undefined {
  if (value === null) return undefined;
  return value === undefined || value === "" ? env(envName) : value;
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OpenAIRealtimeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Typed client for the OpenAI Realtime REST API: every endpoint of
 * `/realtime`, with request validation, retries and typed errors.
 *
 * @example
 * ```ts
 * import { RealtimeClient } from "pulumi-openai-realtime/client";
 * const client = new RealtimeClient(); // OPENAI_API_KEY from the environment
 * const secret = await client.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } });
 * await client.close();
 * ```
 */
export class RealtimeClient {
  /** The API root, without a trailing slash. */
  readonly baseURL: string;
  /** Default retries per request. */
  readonly maxRetries: number;
  /** Default per-attempt timeout in ms. */
  readonly timeout: number;
  /** `OpenAI-Organization` header value, if any. */
  readonly organization: string | undefined;
  /** `OpenAI-Project` header value, if any. */
  readonly project: string | undefined;
  /** `POST /realtime/client_secrets`. */
  readonly clientSecrets: ClientSecrets;
  /** `POST /realtime/sessions`. */
  readonly sessions: Sessions;
  /** `POST /realtime/transcription_sessions`. */
  readonly transcriptionSessions: TranscriptionSessions;
  /** `POST /realtime/translations/client_secrets`. */
  readonly translations: Translations;
  /** `POST /realtime/calls` and `/realtime/calls/{call_id}/{accept,hangup,refer,reject}`. */
  readonly calls: Calls;
  /** Webhook signature verification and event parsing. */
  readonly webhooks: Webhooks;
  /** Total ms the retries of one call may span, if limited. */
  readonly retryTimeout: number | undefined;
  /** The limiter this client's requests go through. */
  readonly rateLimiter: RateLimiter;
  /** Set only when this client created the dispatcher (a proxy agent), so `close` never closes a caller's. */
  readonly #ownDispatcher: Dispatcher | undefined;

  /** @throws OpenAIRealtimeError when the API key is missing or an option is invalid. */
  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey === undefined || options.apiKey === "" ? env("OPENAI_API_KEY") : options.apiKey;
    if (apiKey === undefined) {
      throw new OpenAIRealtimeError(
        "Missing API key: pass apiKey to new RealtimeClient({ apiKey }) or set the OPENAI_API_KEY environment variable",
      );
    }
    const baseURL = parseBaseURL(options.baseURL ?? env("OPENAI_BASE_URL") ?? DEFAULT_BASE_URL);
    this.baseURL = baseURL.href.replace(/\/$/, "");
    this.maxRetries = checkInteger("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES, 0, 100);
    this.timeout = checkInteger("timeout", options.timeout ?? DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
    this.retryTimeout =
      options.retryTimeout === undefined ? undefined : checkInteger("retryTimeout", options.retryTimeout, 0, MAX_TIMEOUT_MS);
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = options.now ?? Date.now;
    this.rateLimiter = options.rateLimiter ?? new RateLimiter({ requestsPerSecond: options.maxRequestsPerSecond, now, sleep });
    this.organization = optionalSetting(options.organization, "OPENAI_ORG_ID");
    this.project = optionalSetting(options.project, "OPENAI_PROJECT_ID");

    let fetch = options.fetch;
    let dispatcher = options.dispatcher;
    if (fetch === undefined && dispatcher === undefined) {
      ({ fetch, dispatcher } = defaultTransport());
      this.#ownDispatcher = dispatcher;
    } else if (fetch === undefined) {
      // A caller's undici dispatcher goes with the undici package's fetch, whose version it matches.
      fetch = (require("undici") as typeof import("undici")).fetch as unknown as FetchLike;
    }
    const transport = new Transport({
      apiKey,
      baseURL: this.baseURL,
      organization: this.organization,
      project: this.project,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      retryTimeout: this.retryTimeout,
      fetch,
      dispatcher,
      defaultHeaders: options.defaultHeaders ?? {},
      limiter: this.rateLimiter,
      sleep,
      now,
      random: options.random ?? Math.random,
    });
    const api = new Api(transport, options.validateRequests ?? true);
    this.clientSecrets = new ClientSecrets(api);
    this.sessions = new Sessions(api);
    this.transcriptionSessions = new TranscriptionSessions(api);
    this.translations = new Translations(api);
    this.calls = new Calls(api);
    this.webhooks = new Webhooks(optionalSetting(options.webhookSecret, "OPENAI_WEBHOOK_SECRET"));
  }

  /**
   * Closes the proxy agent this client created, if any. A no-op otherwise:
   * Node's fetch pools connections globally and lets idle ones go by itself.
   */
  async close(): Promise<void> {
    await this.#ownDispatcher?.close();
  }

  /** Settings only; never a credential. */
  toJSON(): Record<string, unknown> {
    return {
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      retryTimeout: this.retryTimeout,
      maxRequestsPerSecond: this.rateLimiter.requestsPerSecond,
      organization: this.organization,
      project: this.project,
    };
  }

  /** Same view as `toJSON`, for `console.log` and `util.inspect`. */
  [inspect.custom](): string {
    return `RealtimeClient ${inspect(this.toJSON())}`;
  }
}
