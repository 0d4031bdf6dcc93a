import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { FaultInjector, NO_FAULTS } from "../../../src/emulator/faults";
import { admin, apiError, post, start } from "./helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await admin(emulator, "POST", "reset");
});

describe("POST /_emulator/faults", () => {
  it("fails the next count requests with 429 and retry-after, then recovers", async () => {
    const set = await admin(emulator, "POST", "faults", { count: 2, retryAfterSeconds: 7 });
    expect(set).toEqual({ status: 200, json: { count: 2, rate: 0, statuses: [429], retryAfterSeconds: 7, latencyMs: 0 } });
    for (let i = 0; i < 2; i++) {
      const response = await post(emulator, "/realtime/client_secrets");
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(await response.json()).toEqual(
        apiError("Rate limit reached for requests (injected by the emulator).", "requests", null, "rate_limit_exceeded"),
      );
    }
    expect((await post(emulator, "/realtime/client_secrets")).status).toBe(200);
    expect((await admin(emulator, "GET", "stats")).json).toEqual({
      requests: { "POST /v1/realtime/client_secrets": 3 },
      faults: 2,
    });
  });

  it("fails with a 5xx server_error drawn from statuses", async () => {
    await admin(emulator, "POST", "faults", { count: 1, statuses: [503] });
    const response = await post(emulator, "/realtime/sessions", { body: {} });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual(
      apiError("The server had an error while processing your request (injected by the emulator).", "server_error", null, null),
    );
  });

  it("fails every request at rate 1", async () => {
    await admin(emulator, "POST", "faults", { rate: 1, statuses: [500] });
    const statuses = await Promise.all([1, 2, 3].map(async () => (await post(emulator, "/realtime/client_secrets")).status));
    expect(statuses).toEqual([500, 500, 500]);
    expect((await admin(emulator, "GET", "stats")).json.faults).toBe(3);
  });

  it("only delays when statuses is empty", async () => {
    await admin(emulator, "POST", "faults", { rate: 1, count: 3, statuses: [], latencyMs: 30 });
    // Our own clock, not only the emulator's report: the answer came no sooner than the delay.
    const started = performance.now();
    const response = await post(emulator, "/realtime/client_secrets");
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    expect(response.status).toBe(200);
    const { json } = await admin(emulator, "GET", "requests");
    expect(json.requests[0]).toMatchObject({ status: 200, delayed_ms: 30, fault: null });
    expect((await admin(emulator, "GET", "stats")).json.faults).toBe(0);
  });

  it("rejects bad settings in the API's shape", async () => {
    expect(await admin(emulator, "POST", "faults", { rate: 2 })).toEqual({
      status: 400,
      json: apiError("Invalid 'rate': expected a number from 0 to 1.", "invalid_request_error", "rate", "invalid_value"),
    });
    expect((await admin(emulator, "POST", "faults", { statuses: [200] })).json.error.param).toBe("statuses.0");
    expect((await admin(emulator, "POST", "faults", { burst: 1 })).json).toEqual(
      apiError("Unknown parameter: 'burst'.", "invalid_request_error", "burst", "unknown_parameter"),
    );
  });

  it("is cleared by reset", async () => {
    await admin(emulator, "POST", "faults", { rate: 1 });
    await admin(emulator, "POST", "reset");
    expect((await post(emulator, "/realtime/client_secrets")).status).toBe(200);
  });
});

describe("fault flags", () => {
  it("fail requests at the configured rate and statuses, and survive reset", async () => {
    const flaky = await start({ faultRate: 1, faultStatuses: [502], latencyMs: 40 });
    try {
      const started = performance.now();
      expect((await post(flaky, "/realtime/client_secrets")).status).toBe(502);
      expect(performance.now() - started).toBeGreaterThanOrEqual(40);
      await admin(flaky, "POST", "reset");
      expect((await post(flaky, "/realtime/client_secrets")).status).toBe(502);
      expect((await admin(flaky, "GET", "requests")).json.requests[0]).toMatchObject({ delayed_ms: 40, fault: 502 });
    } finally {
      await flaky.close();
    }
  });
});

describe("FaultInjector", () => {
  it("draws statuses with the given randomness and counts injections", () => {
    const values = [0.4, 0.99, 0.6];
    const faults = new FaultInjector({ ...NO_FAULTS, rate: 0.5, statuses: [429, 503] }, () => values.shift()!);
    expect(faults.draw()).toBe(503); // 0.4 < 0.5 fires, 0.99 picks the second status
    expect(faults.draw()).toBeNull(); // 0.6 >= 0.5
    expect(faults.injected).toBe(1);
  });
});
