// The provider's client: stack config before the environment, and a bound
// on each attempt so a hung API cannot hold `pulumi up` for ten minutes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configureCredentials, realtimeClient } from "../../../src/provider/credentials";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("realtimeClient", () => {
  beforeEach(() => {
    for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"]) vi.stubEnv(name, undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    configureCredentials(undefined);
  });

  it("gives each attempt 60 seconds", () => {
    configureCredentials(config({ "openai-realtime:apiKey": "sk-unit", "openai-realtime:baseUrl": "http://127.0.0.1:9/v1" }));
    expect(realtimeClient().timeout).toBe(60_000);
  });

  it("takes base URL, organization and project from stack config before the environment", () => {
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:8/v1");
    vi.stubEnv("OPENAI_ORG_ID", "org_env");
    vi.stubEnv("OPENAI_PROJECT_ID", "proj_env");
    configureCredentials(
      config({
        "openai-realtime:apiKey": "sk-unit",
        "openai-realtime:baseUrl": "http://127.0.0.1:9/v1",
        "openai-realtime:organization": "org_config",
      }),
    );
    const client = realtimeClient();
    expect(client.baseURL).toBe("http://127.0.0.1:9/v1");
    expect(client.organization).toBe("org_config");
    expect(client.project).toBe("proj_env");
  });
});
