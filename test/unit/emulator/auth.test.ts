import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { apiError, origin, post, start, type TestResponse } from "./helpers";

const MISSING =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";

describe("without --api-key", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterAll(() => emulator.close());

  it("accepts any sk- key", async () => {
    expect((await post(emulator, "/realtime/client_secrets", { key: "sk-anything" })).status).toBe(200);
    expect((await post(emulator, "/realtime/client_secrets", { key: "sk-proj-other" })).status).toBe(200);
  });

  it("answers 401 without a key, with the API's body and a request id", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await response.json()).toEqual(apiError(MISSING, "invalid_request_error", null, null));
  });

  it("answers 401 invalid_api_key for a key that is not sk- and never echoes it", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { key: "not-a-key-123" });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain("not-a-key-123");
    expect(JSON.parse(text)).toEqual(apiError("Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key"));
  });

  it("does not take ek_ secrets outside call creation", async () => {
    const { value } = await (await post(emulator, "/realtime/client_secrets")).json();
    const response = await post(emulator, "/realtime/client_secrets", { key: value });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(value);
    expect(JSON.parse(text)).toEqual(
      apiError(
        "Client secrets (ek_...) can only create calls; use an API key for this endpoint.",
        "invalid_request_error",
        null,
        "invalid_api_key",
      ),
    );
  });

  it("answers 404 in the API's shape for unknown routes and methods", async () => {
    const unknown = await post(emulator, "/realtime/nope");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(apiError("Invalid URL (POST /v1/realtime/nope)", "invalid_request_error", null, null));
    const wrongMethod = (await fetch(`${emulator.url}/realtime/client_secrets`, {
      headers: { authorization: "Bearer sk-x" },
    })) as TestResponse;
    expect(wrongMethod.status).toBe(404);
    expect((await wrongMethod.json()).error.message).toBe("Invalid URL (GET /v1/realtime/client_secrets)");
  });

  it("answers CORS preflights for browser calls", async () => {
    const response = await fetch(`${emulator.url}/realtime/calls`, { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("serves admin routes without auth", async () => {
    expect((await fetch(`${origin(emulator)}/_emulator/stats`)).status).toBe(200);
  });
});

describe("with --api-key", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await start({ apiKey: "sk-only-this-one" });
  });
  afterAll(() => emulator.close());

  it("accepts only the configured key", async () => {
    expect((await post(emulator, "/realtime/client_secrets", { key: "sk-only-this-one" })).status).toBe(200);
    const other = await post(emulator, "/realtime/client_secrets", { key: "sk-another" });
    expect(other.status).toBe(401);
    expect((await other.json()).error.code).toBe("invalid_api_key");
  });

  it("accepts a non-sk key when that is the configured one", async () => {
    const custom = await start({ apiKey: "local-dev" });
    try {
      expect((await post(custom, "/realtime/client_secrets", { key: "local-dev" })).status).toBe(200);
      expect((await post(custom, "/realtime/client_secrets", { key: "sk-x" })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});
