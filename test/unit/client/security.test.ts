import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIError, OpenAIRealtimeError, RealtimeClient } from "../../../src/client";
import { apiError, startServer, type LoopbackServer } from "./loopback-server";

const KEY = "sk-proj-SECRETKEYVALUE1234567890";

let server: LoopbackServer | undefined;
let client: RealtimeClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
  vi.unstubAllEnvs();
});
beforeEach(() => {
  for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "OPENAI_WEBHOOK_SECRET"]) {
    vi.stubEnv(name, "");
  }
});

function construct(options: ConstructorParameters<typeof RealtimeClient>[0]): unknown {
  try {
    client = new RealtimeClient(options);
    return undefined;
  } catch (e) {
    return e;
  }
}

describe("API key handling", () => {
  it("a missing key names the option and the environment variable", () => {
    const err = construct({});
    expect(err).toBeInstanceOf(OpenAIRealtimeError);
    expect((err as Error).message).toBe(
      "Missing API key: pass apiKey to new RealtimeClient({ apiKey }) or set the OPENAI_API_KEY environment variable",
    );
  });

  it("reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID", async () => {
    server = await startServer(() => ({ status: 200 }));
    vi.stubEnv("OPENAI_API_KEY", KEY);
    vi.stubEnv("OPENAI_BASE_URL", server.baseURL);
    vi.stubEnv("OPENAI_ORG_ID", "org_1");
    vi.stubEnv("OPENAI_PROJECT_ID", "proj_1");
    client = new RealtimeClient();
    expect(client.baseURL).toBe(server.baseURL);
    await client.calls.hangup("rtc_1");
    expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]?.headers["openai-organization"]).toBe("org_1");
    expect(server.requests[0]?.headers["openai-project"]).toBe("proj_1");
  });

  it("explicit options win over the environment; null drops an env default", async () => {
    server = await startServer(() => ({ status: 200 }));
    vi.stubEnv("OPENAI_API_KEY", "sk-from-env");
    vi.stubEnv("OPENAI_ORG_ID", "org_env");
    client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL, organization: null, project: "proj_2" });
    await client.calls.hangup("rtc_1");
    expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]?.headers["openai-organization"]).toBeUndefined();
    expect(server.requests[0]?.headers["openai-project"]).toBe("proj_2");
  });

  it("defaults to https://api.openai.com/v1, 2 retries and a 10 minute timeout", () => {
    client = new RealtimeClient({ apiKey: KEY });
    expect(client.toJSON()).toEqual({
      baseURL: "https://api.openai.com/v1",
      maxRetries: 2,
      timeout: 600_000,
      retryTimeout: undefined,
      maxRequestsPerSecond: Infinity,
      organization: undefined,
      project: undefined,
    });
  });

  it("rejects invalid maxRetries and timeout", () => {
    expect((construct({ apiKey: KEY, maxRetries: -1 }) as Error).message).toBe(
      "maxRetries must be an integer from 0 to 100, got -1",
    );
    expect((construct({ apiKey: KEY, timeout: 0 }) as Error).message).toBe(
      "timeout must be an integer from 1 to 2147483647, got 0",
    );
  });

  it("the key is absent from toString, JSON and inspect of the client", () => {
    client = new RealtimeClient({ apiKey: KEY });
    for (const text of [String(client), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(KEY);
    }
    expect(inspect(client)).toBe(
      "RealtimeClient {\n  baseURL: 'https://api.openai.com/v1',\n  maxRetries: 2,\n  timeout: 600000,\n  retryTimeout: undefined,\n  maxRequestsPerSecond: Infinity,\n  organization: undefined,\n  project: undefined\n}",
    );
  });

  it("a server echoing the key gets it scrubbed from the error", async () => {
    server = await startServer((req) => ({
      status: 401,
      body: apiError(`Incorrect API key provided: ${String(req.headers["authorization"]).slice(7)}.`, {
        code: "invalid_api_key",
      }),
    }));
    client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      "401 POST /realtime/calls/rtc_1/hangup: Incorrect API key provided: [redacted]. (code: invalid_api_key)",
    );
    for (const text of [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(KEY);
    }
  });

  it("a connection error does not carry the key", async () => {
    server = await startServer(() => ({ destroy: true }));
    client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL, maxRetries: 0 });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    for (const text of [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(KEY);
    }
  });
});

describe("baseURL hardening", () => {
  const refused: Array<[string, string]> = [
    [
      "http://example.com/v1",
      "baseURL must use https; plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost), got http://example.com",
    ],
    [
      "http://10.0.0.1:8080/v1",
      "baseURL must use https; plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost), got http://10.0.0.1:8080",
    ],
    [
      "http://127.0.0.1.example.com/v1",
      "baseURL must use https; plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost), got http://127.0.0.1.example.com",
    ],
    ["https://user:hunter2@api.example.com/v1", "baseURL must not contain credentials (user:password@); pass apiKey instead"],
    ["http://user@127.0.0.1/v1", "baseURL must not contain credentials (user:password@); pass apiKey instead"],
    ["ftp://api.example.com/v1", "baseURL must use https, got ftp:"],
    ["api.openai.com/v1", 'baseURL is not an absolute URL: "api.openai.com/v1"'],
    ["https://api.example.com/v1?x=1", "baseURL must not have a query or fragment, got https://api.example.com/v1"],
  ];
  for (const [url, message] of refused) {
    it(`refuses ${url}`, () => {
      const err = construct({ apiKey: KEY, baseURL: url });
      expect(err).toBeInstanceOf(OpenAIRealtimeError);
      expect((err as Error).message).toBe(message);
      expect((err as Error).message).not.toContain("hunter2");
    });
  }

  for (const url of ["https://api.example.com/v1/", "http://127.0.0.1:4010/v1", "http://127.8.9.10/v1", "http://localhost:1/v1", "http://[::1]:4010/v1"]) {
    it(`accepts ${url}`, () => {
      expect(construct({ apiKey: KEY, baseURL: url })).toBeUndefined();
      expect(client?.baseURL).toBe(url.replace(/\/$/, ""));
    });
  }

  it("refuses a redirect off the configured origin without following it", async () => {
    const target = await startServer(() => ({ status: 200 }));
    try {
      server = await startServer(() => ({ status: 307, headers: { location: `${target.baseURL}/realtime/calls/rtc_1/hangup?token=abc` } }));
      client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL });
      const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(APIError);
      expect((err as APIError).status).toBe(307);
      expect((err as Error).message).toBe(
        `307 POST /realtime/calls/rtc_1/hangup: refused to follow a redirect to ${target.origin}, off the configured origin ${server.origin}; the Realtime API does not redirect, so check baseURL`,
      );
      expect(target.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it("does not follow a same-origin redirect either", async () => {
    server = await startServer(() => ({ status: 302, headers: { location: "/elsewhere" } }));
    client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      "302 POST /realtime/calls/rtc_1/hangup: refused to follow a redirect within the same origin; the Realtime API does not redirect, so check baseURL",
    );
    expect(server.requests).toHaveLength(1);
  });
});
