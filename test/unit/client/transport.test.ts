import { afterEach, describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  InternalServerError,
  isAPIUserAbortError,
  RealtimeClient,
  type ClientOptions,
} from "../../../src/client";
import { apiError, startServer, type LoopbackServer, type Reply } from "./loopback-server";

const KEY = "sk-test-transport";
const SECRET = { value: "ek_test_transport", expires_at: 1_900_000_000, session: { type: "realtime" } };
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(replies: (index: number) => Reply, options: ClientOptions = {}) {
  server = await startServer((_, i) => replies(i));
  const sleeps: number[] = [];
  const client = new RealtimeClient({
    apiKey: KEY,
    baseURL: server.baseURL,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { server, client, sleeps };
}

describe("base URL", () => {
  for (const [suffix, expected] of [
    ["", "/realtime/calls/rtc_1/hangup"],
    ["/", "/realtime/calls/rtc_1/hangup"],
    ["/v1", "/v1/realtime/calls/rtc_1/hangup"],
    ["/v1/", "/v1/realtime/calls/rtc_1/hangup"],
    ["/proxy/openai/v1//", "/proxy/openai/v1/realtime/calls/rtc_1/hangup"],
  ] as const) {
    it(`origin + "${suffix}" requests ${expected}`, async () => {
      const { server } = await setup(() => ({ status: 200 }));
      const client = new RealtimeClient({ apiKey: KEY, baseURL: server.origin + suffix });
      await client.calls.hangup("rtc_1");
      expect(server.requests[0]?.url).toBe(expected);
    });
  }
});

describe("headers and results", () => {
  it("sends a User-Agent naming the package, its version and node", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await client.calls.hangup("rtc_1");
    const { version } = (await import("../../../package.json")).default;
    expect(server.requests[0]?.headers["user-agent"]).toBe(`pulumi-openai-realtime/${version} node/${process.version}`);
  });

  it("a caller's User-Agent header wins", async () => {
    const { server, client } = await setup(() => ({ status: 200 }), { defaultHeaders: { "User-Agent": "my-app/1" } });
    await client.calls.hangup("rtc_1");
    expect(server.requests[0]?.headers["user-agent"]).toBe("my-app/1");
  });

  it("results carry the request id as a non-enumerable _request_id", async () => {
    const { client } = await setup(() => ({ status: 200, headers: { "x-request-id": "req_abc" }, body: SECRET }));
    const secret = await client.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } });
    expect(secret._request_id).toBe("req_abc");
    expect(Object.keys(secret)).not.toContain("_request_id");
    expect(JSON.parse(JSON.stringify(secret))).toEqual(SECRET);
  });

  it("calls.create results carry it too", async () => {
    const { client } = await setup(() => ({
      status: 201,
      headers: { location: "/v1/realtime/calls/rtc_9", "x-request-id": "req_call", "content-type": "application/sdp" },
      body: "v=0\r\n",
    }));
    const call = await client.calls.create({ sdp: "v=0\r\n", session: { type: "realtime", model: "gpt-realtime" } });
    expect(call).toEqual({ callId: "rtc_9", sdpAnswer: "v=0\r\n" });
    expect(call._request_id).toBe("req_call");
  });
});

describe("x-should-retry", () => {
  it("true retries a status that is otherwise final", async () => {
    const { server, client } = await setup((i) =>
      i === 0 ? { status: 400, headers: { "x-should-retry": "true" }, body: apiError("transient") } : { status: 200 },
    );
    await client.calls.hangup("rtc_1");
    expect(server.requests).toHaveLength(2);
  });

  it("false stops a retry the status would allow", async () => {
    const { server, client, sleeps } = await setup(() => ({
      status: 503,
      headers: { "x-should-retry": "false" },
      body: apiError("down"),
    }));
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as Error).message).toBe("503 POST /realtime/calls/rtc_1/hangup: down");
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe("retry budget", () => {
  it("stops when the next wait would pass retryTimeout, naming status, retries and budget", async () => {
    let clock = 0;
    const { server, client } = await setup(() => ({ status: 503, body: apiError("overloaded") }), {
      maxRetries: 50,
      retryTimeout: 3_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    const err = await client.calls.hangup("rtc_1").catch((e: unknown) => e);
    // Waits of 0.5 + 1 s fit in 3 s; the next (2 s) would end at 3.5 s.
    expect((err as Error).message).toBe(
      "503 POST /realtime/calls/rtc_1/hangup: overloaded; gave up after 2 retries: the next would pass the 3 s retry budget",
    );
    expect((err as InternalServerError).retries).toBe(2);
    expect(server.requests).toHaveLength(3);
  });

  it("maxRetries still caps the attempts inside the budget", async () => {
    const { server, client } = await setup(() => ({ status: 503, body: apiError("overloaded") }), {
      maxRetries: 1,
      retryTimeout: 600_000,
    });
    await expect(client.calls.hangup("rtc_1")).rejects.toThrow(
      "503 POST /realtime/calls/rtc_1/hangup: overloaded; gave up after 1 retry",
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe("signal", () => {
  it("an abort during an attempt ends the call with APIUserAbortError, not retried", async () => {
    const { server, client } = await setup(() => ({ hang: true }), { maxRetries: 5 });
    const controller = new AbortController();
    const pending = client.calls.hangup("rtc_1", { signal: controller.signal }).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(APIUserAbortError);
    expect(isAPIUserAbortError(JSON.parse(JSON.stringify(err)))).toBe(true);
    expect((err as Error).message).toBe("POST /realtime/calls/rtc_1/hangup: request was aborted by the caller's signal");
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during the backoff wait ends it too", async () => {
    const controller = new AbortController();
    const { server, client } = await setup(() => ({ status: 503, body: apiError("down") }), {
      sleep: () => {
        controller.abort();
        return new Promise(() => {});
      },
    });
    await expect(client.calls.hangup("rtc_1", { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await expect(client.calls.hangup("rtc_1", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});
