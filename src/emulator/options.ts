import { NO_FAULTS, type FaultSettings } from "./faults";

/** How to start the emulator. Every field is optional. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** When set, only this bearer key is accepted (plus `ek_` secrets on calls). Otherwise any `sk-...` works. */
  apiKey?: string;
  /** Where `POST /_emulator/calls/incoming` delivers `realtime.call.incoming`. Needs `webhookSecret`. */
  webhookUrl?: string;
  /** `whsec_...` secret the webhooks are signed with (Standard Webhooks, as OpenAI signs). */
  webhookSecret?: string;
  /** Delay before answering each API request. @default 0 */
  latencyMs?: number;
  /** Probability of failing each API request. @default 0 */
  faultRate?: number;
  /** Statuses injected failures are drawn from. @default [429] */
  faultStatuses?: number[];
  /** Waits between webhook delivery attempts; their count bounds the retries. @default [100, 500, 2000, 5000] */
  webhookRetryDelaysMs?: number[];
  /** Clock in milliseconds, for expiry tests. @default Date.now */
  now?: () => number;
}

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010/v1`; pass it as `baseURL`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Stops listening, drops open connections and cancels pending webhook retries. */
  close(): Promise<void>;
}

/** Options with defaults applied and checked. */
export interface ResolvedOptions {
  port: number;
  host: string;
  apiKey: string | null;
  webhook: { url: string; secret: string; retryDelaysMs: number[] } | null;
  faults: FaultSettings;
  now: () => number;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 500, 2000, 5000];

/**
 * True for a `whsec_<base64>` secret, the form OpenAI issues and Standard
 * Webhooks signers accept.
 */
export function isWebhookSecret(value: string): boolean {
  const key = value.startsWith("whsec_") ? value.slice("whsec_".length) : "";
  return /^[A-Za-z0-9+/]+={0,2}$/.test(key) && key.length % 4 !== 1;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(`startEmulator: ${message}`);
}

/**
 * Applies defaults and rejects inconsistent options with a message naming
 * the option (never its secret value).
 */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const port = options.port ?? 0;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, "`port` must be an integer from 0 to 65535.");
  const latencyMs = options.latencyMs ?? 0;
  check(Number.isInteger(latencyMs) && latencyMs >= 0, "`latencyMs` must be a non-negative integer.");
  const rate = options.faultRate ?? 0;
  check(typeof rate === "number" && rate >= 0 && rate <= 1, "`faultRate` must be a number from 0 to 1.");
  const statuses = options.faultStatuses ?? [...NO_FAULTS.statuses];
  check(
    statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599),
    "`faultStatuses` must be HTTP statuses from 400 to 599.",
  );
  check(options.apiKey === undefined || options.apiKey !== "", "`apiKey` must not be empty.");
  const { webhookUrl, webhookSecret } = options;
  check((webhookUrl === undefined) === (webhookSecret === undefined), "`webhookUrl` and `webhookSecret` go together.");
  if (webhookUrl !== undefined) check(/^https?:\/\//.test(webhookUrl) && URL.canParse(webhookUrl), "`webhookUrl` must be an http(s) URL.");
  if (webhookSecret !== undefined) check(isWebhookSecret(webhookSecret), "`webhookSecret` must be 'whsec_' followed by a base64 key.");
  const retryDelaysMs = options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  check(retryDelaysMs.every((d) => Number.isInteger(d) && d >= 0), "`webhookRetryDelaysMs` must be non-negative integers.");
  return {
    port,
    host: options.host ?? "127.0.0.1",
    apiKey: options.apiKey ?? null,
    webhook:
      webhookUrl === undefined || webhookSecret === undefined
        ? null
        : { url: webhookUrl, secret: webhookSecret, retryDelaysMs: [...retryDelaysMs] },
    faults: { ...NO_FAULTS, rate, statuses: [...statuses], latencyMs },
    now: options.now ?? Date.now,
  };
}
