import { RateLimiter, RealtimeClient, type ClientOptions } from "../client";

import { CONFIG_API_KEY, CONFIG_BASE_URL, CONFIG_ORGANIZATION, CONFIG_PROJECT } from "./config-keys";

/** Stack config keys the provider reads (namespace `openai-realtime`). */
export { CONFIG_API_KEY, CONFIG_BASE_URL, CONFIG_ORGANIZATION, CONFIG_PROJECT };

const REQUEST_TIMEOUT_MS = 60_000;

interface ConfigSource {
  get(key: string): string | undefined;
}

/** Where requests go and as whom: stack config first, then the official SDKs' environment variables. */
export interface ApiSettings {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  organization: string | undefined;
  project: string | undefined;
}

// Filled by the engine's Configure call, in the provider process only: the
// key lives in memory here and never in the serialized provider or state.
let fromStack: Partial<ApiSettings> = {};
let cached: { key: string; client: RealtimeClient } | undefined;

/** Takes `openai-realtime:apiKey`, `baseUrl`, `organization` and `project` from the stack config. */
export function configureCredentials(config: ConfigSource | undefined): void {
  fromStack = {
    apiKey: config?.get(CONFIG_API_KEY),
    baseUrl: config?.get(CONFIG_BASE_URL),
    organization: config?.get(CONFIG_ORGANIZATION),
    project: config?.get(CONFIG_PROJECT),
  };
  cached = undefined;
  configureRetries(config);
}

/** The settings in force now, read at call time (no network). */
export function currentSettings(): ApiSettings {
  return {
    apiKey: fromStack.apiKey || process.env.OPENAI_API_KEY || undefined,
    baseUrl: fromStack.baseUrl || process.env.OPENAI_BASE_URL || undefined,
    organization: fromStack.organization || process.env.OPENAI_ORG_ID || undefined,
    project: fromStack.project || process.env.OPENAI_PROJECT_ID || undefined,
  };
}

/**
 * The client for this provider process: stack config first, then the same
 * environment variables as the official SDKs, read at call time.
 */
export function realtimeClient(): RealtimeClient {
  const { apiKey, baseUrl: baseURL, organization, project } = currentSettings();
  if (!apiKey) {
    throw new Error(
      `no OpenAI API key: set the secret stack config ${CONFIG_API_KEY} ` +
        `(pulumi config set --secret ${CONFIG_API_KEY} <key>) or the OPENAI_API_KEY environment variable`,
    );
  }
  const key = [baseURL ?? "", apiKey, organization ?? "", project ?? ""].join("\u0000");
  // A hung API must not hold `pulumi up` for the SDK default of ten minutes per attempt.
  if (cached?.key !== key) {
    cached = { key, client: new RealtimeClient({ apiKey, baseURL, organization, project, timeout: REQUEST_TIMEOUT_MS, ...retryOptions() }) };
  }
  return cached.client;
}

// ---------------------------------------------------------------------------
// Retries, timeouts and the shared rate limiter.
//
// An infrastructure run can wait minutes for a flaky API, so the provider's
// retries have a time budget rather than the interactive SDK's two retries,
// and every create of one `pulumi up` (all served by this one process) goes
// through one limiter, so a 429 holds them all back together.

/** Retries per request at most (the time budget usually ends them first). */
export const CONFIG_MAX_RETRIES = "openai-realtime:maxRetries";
/** Seconds the retries of one request may span. */
export const CONFIG_RETRY_TIMEOUT_SECONDS = "openai-realtime:retryTimeoutSeconds";
/** Requests started per second at most, across the whole `pulumi up`. */
export const CONFIG_MAX_REQUESTS_PER_SECOND = "openai-realtime:maxRequestsPerSecond";
/** Seconds one attempt may take before it is retried as a timeout. */
export const CONFIG_REQUEST_TIMEOUT_SECONDS = "openai-realtime:requestTimeoutSeconds";

/** The provider's defaults: about five minutes of retries, no rate cap, 60 s per attempt. */
export const PROVIDER_RETRY_DEFAULTS = {
  maxRetries: 20,
  retryTimeoutSeconds: 300,
  maxRequestsPerSecond: 0,
  requestTimeoutSeconds: REQUEST_TIMEOUT_MS / 1000,
} as const;

let retrySettings: { options: Partial<ClientOptions> } | { error: string } = { options: {} };
let limiter: RateLimiter | undefined;

function numberSetting(config: ConfigSource | undefined, key: string, fallback: number, min: number, max: number, integer: boolean): number {
  const raw = config?.get(key);
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const kind = integer ? "an integer" : "a number";
    throw new Error(`${key} must be ${kind} from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Reads the four keys; a bad value is reported by the first request, naming the key and the range. */
function configureRetries(config: ConfigSource | undefined): void {
  try {
    const d = PROVIDER_RETRY_DEFAULTS;
    const maxRetries = numberSetting(config, CONFIG_MAX_RETRIES, d.maxRetries, 0, 100, true);
    const retryTimeoutSeconds = numberSetting(config, CONFIG_RETRY_TIMEOUT_SECONDS, d.retryTimeoutSeconds, 0, 3600, false);
    const rps = numberSetting(config, CONFIG_MAX_REQUESTS_PER_SECOND, d.maxRequestsPerSecond, 0, 10_000, false);
    const timeoutSeconds = numberSetting(config, CONFIG_REQUEST_TIMEOUT_SECONDS, d.requestTimeoutSeconds, 0.001, 600, false);
    // One limiter for the process: clients rebuilt for another key or endpoint still share it.
    if (limiter === undefined || limiter.requestsPerSecond !== (rps === 0 ? Infinity : rps)) {
      limiter = new RateLimiter({ requestsPerSecond: rps });
    }
    retrySettings = {
      options: {
        maxRetries,
        retryTimeout: Math.round(retryTimeoutSeconds * 1000),
        timeout: Math.round(timeoutSeconds * 1000),
        rateLimiter: limiter,
      },
    };
  } catch (err) {
    retrySettings = { error: (err as Error).message };
  }
}

/** The client options from the four keys (defaults when unset). @throws naming a key with a bad value. */
function retryOptions(): Partial<ClientOptions> {
  if ("error" in retrySettings) throw new Error(retrySettings.error);
  return retrySettings.options;
}

// Before any Configure (and for a provider that gets none), the defaults apply.
configureRetries(undefined);
