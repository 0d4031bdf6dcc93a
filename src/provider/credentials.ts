import { RealtimeClient } from "../client";

import { CONFIG_API_KEY, CONFIG_BASE_URL } from "./config-keys";

/** Stack config keys the provider reads (namespace `openai-realtime`). */
export { CONFIG_API_KEY, CONFIG_BASE_URL };

const REQUEST_TIMEOUT_MS = 60_000;

interface ConfigSource {
  get(key: string): string | undefined;
}

// Filled by the engine's Configure call, in the provider process only: the
// key lives in memory here and never in the serialized provider or state.
let fromStack: { apiKey?: string | undefined; baseUrl?: string | undefined } = {};
let cached: { key: string; client: RealtimeClient } | undefined;

/** Takes `openai-realtime:apiKey` / `openai-realtime:baseUrl` from the stack config. */
export function configureCredentials(config: ConfigSource | undefined): void {
  fromStack = { apiKey: config?.get(CONFIG_API_KEY), baseUrl: config?.get(CONFIG_BASE_URL) };
  cached = undefined;
}

/**
 * The client for this provider process: stack config first, then the same
 * environment variables as the official SDKs, read at call time.
 */
export function realtimeClient(): RealtimeClient {
  const apiKey = fromStack.apiKey || process.env.OPENAI_API_KEY;
  if (!apiKey) {
    throw new Error(
      `no OpenAI API key: set the secret stack config ${CONFIG_API_KEY} ` +
        `(pulumi config set --secret ${CONFIG_API_KEY} <key>) or the OPENAI_API_KEY environment variable`,
    );
  }
  const baseURL = fromStack.baseUrl || process.env.OPENAI_BASE_URL || undefined;
  const key = `${baseURL ?? ""}\u0000${apiKey}`;
  // A hung API must not hold `pulumi up` for the SDK default of ten minutes per attempt.
  if (cached?.key !== key) cached = { key, client: new RealtimeClient({ apiKey, baseURL, timeout: REQUEST_TIMEOUT_MS }) };
  return cached.client;
}
