import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  RateLimitError,
  RealtimeClient,
  type ClientOptions,
  type FetchLike,
} from "../../../src/client";
import { backoffMs, decideRetry, retryAfterHintMs } from "../../../src/client/retry";
import { apiError, startServer, type LoopbackServer, type Reply } from "./loopback-server";

let server: LoopbackServer | undefined;
let client: RealtimeClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

const NOW = Date.parse("2025-01-01T00:00:00Z");

async function setup(replies: (index: number) => Reply, options: ClientOptions = {}) {
  server = await startServer((_, i) => replies(i));
  const sleeps: number[] = [];
  client = new RealtimeClient({
    apiKey: "sk-test-retry",
    baseURL: server.baseURL,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
    random: () => 0,
    ...options,
  });
  return { server, client, sleeps };
}

const ok: Reply = { status: 200 };
const failThenOk = (status: number, headers: Record<string, string> = {}, failures = 1) => (i: number): Reply =>
  i < failures ? { status, headers, body: apiError("try again") } : ok;

describe("retries", () => {
  for (const status of [408, 409, 429, 500, 502, 503, 504]) {
    it(`retries ${status} and succeeds`, async () => {
      const { server, client, sleeps } = await setup(failThenOk(status));
      await client.calls.hangup("rtc_1");
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([500]);
    });
  }

  for (const status of [400, 401, 403, 404, 422]) {
    it(`does not retry ${status}`, async () => {
      const { server, client, sleeps } = await setup(failThenOk(status));
      await expect(client.calls.hangup("rtc_1")).rejects.toMatchObject({ status });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });
  }

  it("backs off exponentially and stops after maxRetries", async () => {
    const { server, client, sleeps } = await setup(() => ({ status: 500, body: apiError("boom") }), { maxRetries: 5 });
    await expect(client.calls.hangup("rtc_1")).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(6);
    expect(sleeps).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it("default maxRetries is 2", async () => {
    const { server, client } = await setup(() => ({ status: 503 }));
    await expect(client.calls.hangup("rtc_1")).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it("per-call maxRetries overrides the client's", async () => {
    const { server, client } = await setup(() => ({ status: 503 }), { maxRetries: 4 });
    await expect(client.calls.hangup("rtc_1", { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("jitter takes up to 25% off the delay", async () => {
    const { client, sleeps } = await setup(failThenOk(500, {}, 2), { random: () => 0.5 });
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([437.5, 875]);
  });

  it("honours retry-after-ms", async () => {
    const { client, sleeps } = await setup(failThenOk(429, { "retry-after-ms": "1234" }));
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([1234]);
  });

  it("retry-after-ms wins over retry-after", async () => {
    const { client, sleeps } = await setup(failThenOk(429, { "retry-after-ms": "250", "retry-after": "7" }));
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([250]);
  });

  it("honours retry-after in seconds", async () => {
    const { client, sleeps } = await setup(failThenOk(503, { "retry-after": "3" }));
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([3000]);
  });

  it("honours retry-after as an HTTP date", async () => {
    const at = new Date(NOW + 5_000).toUTCString();
    const { client, sleeps } = await setup(failThenOk(429, { "retry-after": at }));
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([5000]);
  });

  it("gives up at once when the server asks for more than 60 s", async () => {
    const { server, client, sleeps } = await setup(failThenOk(429, { "retry-after": "3600" }));
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).headers["retry-after"]).toBe("3600");
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("falls back to backoff on an unparseable retry-after", async () => {
    const { client, sleeps } = await setup(failThenOk(429, { "retry-after": "soon" }));
    await client.calls.hangup("rtc_1");
    expect(sleeps).toEqual([500]);
  });
});

describe("timeouts and connection errors", () => {
  it("an attempt that gets no answer times out with APITimeoutError, retried", async () => {
    const { server, client, sleeps } = await setup(() => ({ hang: true }), { timeout: 50, maxRetries: 1 });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toBe(
      "POST /realtime/calls/rtc_1/hangup: request timed out after 50 ms; gave up after 1 retry",
    );
    expect((err as APITimeoutError).retries).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([500]);
  });

  it("a timeout then a success resolves", async () => {
    // A fetch that answers the retry at once: the success does not race the 50 ms attempt timer.
    let calls = 0;
    const fetch: FetchLike = (_url, init) => {
      calls++;
      if (calls > 1) return Promise.resolve(new Response(null, { status: 200 }));
      return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)));
    };
    client = new RealtimeClient({ apiKey: "sk-test-retry", baseURL: "http://127.0.0.1:9/v1", timeout: 50, fetch, sleep: async () => {} });
    await expect(client.calls.hangup("rtc_1")).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it("a dropped socket is an APIConnectionError, retried", async () => {
    const { server, client, sleeps } = await setup(() => ({ destroy: true }), { maxRetries: 2 });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APITimeoutError);
    expect((err as Error).message).toMatch(
      new RegExp(`^POST /realtime/calls/rtc_1/hangup: connection to ${server.origin} failed: .+`),
    );
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("connection refused is an APIConnectionError naming the origin and the cause", async () => {
    // The port stays held on 127.0.0.1 by a live server, so nothing can listen on 127.0.0.2 at that
    // port (Linux refuses a wildcard bind next to a listening socket): the refusal cannot turn into
    // some other process's answer.
    const { server: held } = await setup(() => ok);
    const port = new URL(held.baseURL).port;
    const sleeps: number[] = [];
    const refused = new RealtimeClient({
      apiKey: "sk-test-retry",
      baseURL: `http://127.0.0.2:${port}/v1`,
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const err = await refused.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toBe(
      `POST /realtime/calls/rtc_1/hangup: connection to http://127.0.0.2:${port} failed: connect ECONNREFUSED 127.0.0.2:${port}; gave up after 2 retries`,
    );
    expect(sleeps).toEqual([500, 1000]);
    expect(held.requests).toHaveLength(0);
  });
});

describe("retry policy", () => {
  it("backoff doubles from 0.5 s to a cap of 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((i) => backoffMs(i, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(0, 0.999)).toBeCloseTo(375.125);
  });

  it("parses retry hints", () => {
    expect(retryAfterHintMs({ "retry-after-ms": "12.5" }, NOW)).toBe(12.5);
    expect(retryAfterHintMs({ "retry-after": "1.5" }, NOW)).toBe(1500);
    expect(retryAfterHintMs({ "retry-after": new Date(NOW - 10_000).toUTCString() }, NOW)).toBe(0);
    expect(retryAfterHintMs({ "retry-after-ms": "-1" }, NOW)).toBeUndefined();
    expect(retryAfterHintMs({}, NOW)).toBeUndefined();
  });

  it("obeys a hint up to 60 s exactly and refuses longer ones", () => {
    const clock = { now: () => NOW, random: () => 0 };
    expect(decideRetry({ "retry-after": "60" }, 0, clock)).toEqual({ retry: true, delayMs: 60_000 });
    expect(decideRetry({ "retry-after": "61" }, 0, clock)).toEqual({ retry: false });
    expect(decideRetry({}, 3, clock)).toEqual({ retry: true, delayMs: 4000 });
  });
});
