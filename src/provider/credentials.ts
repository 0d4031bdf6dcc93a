import { RealtimeClient } from "../client";

/** Stack config keys the provider reads (namespace `openai-realtime`). */
export const CONFIG_API_KEY = "openai-realtime:apiKey";
export const CONFIG_BASE_URL = "openai-realtime:baseUrl";
export const CONFIG_ORGANIZATION = "openai-realtime:organization";
export const CONFIG_PROJECT = "openai-realtime:project";

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
    cached = { key, client: new RealtimeClient({ apiKey, baseURL, organization, project, timeout: REQUEST_TIMEOUT_MS }) };
  }
  return cached.client;
}
