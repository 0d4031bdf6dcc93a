// createTokenHandler against the emulator, in process: every status, what a
// token answer carries, that no refusal reaches the API, and that an API 429
// holds back every mint of the handler's client.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RealtimeClient } from "../../../src/client/client";
import { createTokenHandler, toNodeListener, TokenRequestError, type TokenRequestRecord } from "../../../src/token-endpoint";
import { TestEmulator } from "../../helpers/emulator";
import { SecretScan } from "../../helpers/secrets";
import { waitFor } from "../router/helpers";

const API_KEY = "sk-token-handler-test-31c9e";
const MCP_TOKEN = "mcp-oauth-credential-8d1f0b";
const MINTS = "POST /v1/realtime/client_secrets";
const ORIGIN = "https://app.example.com";

const session = {
  type: "realtime" as const,
  model: "gpt-realtime",
  instructions: "You are the concierge.",
  audio: { output: { voice: "marin" } },
  tools: [{ type: "mcp" as const, server_label: "crm", server_url: "https://crm.example.com/mcp", authorization: MCP_TOKEN, headers: { "x-api-key": MCP_TOKEN } }],
};
const ENDPOINTS = {
  web: { template: "concierge", revision: "rev-1", session, allowedOrigins: [ORIGIN], rateLimit: { perMinute: 60, burst: 2 }, auth: "bearer" as const },
  open: { template: "concierge", revision: "rev-1", session: { type: "realtime" as const, model: "gpt-realtime" }, expiresAfterSeconds: 120, auth: "none" as const },
};

describe("createTokenHandler", { timeout: 60_000 }, () => {
  let emulator: TestEmulator;
  let client: RealtimeClient;
  const records: TokenRequestRecord[] = [];
  const scan = new SecretScan().watch(API_KEY, "API key").watch(MCP_TOKEN, "MCP credential").watch("user-bearer-token-1", "bearer token");
  let handler: ReturnType<typeof createTokenHandler>;

  const post = (name: string, init: { origin?: string; bearer?: string; body?: string; address?: string; method?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.origin !== undefined) headers["origin"] = init.origin;
    if (init.bearer !== undefined) headers["authorization"] = `Bearer ${init.bearer}`;
    const req = new Request(`http://tokens.test/tokens/${name}`, { method: init.method ?? "POST", headers, body: init.body ?? null });
    return handler(req, { clientAddress: init.address ?? "10.0.0.1" });
  };
  const answer = async (res: Response) => {
    const text = await res.text();
    scan.check(`body of ${res.status}`, text).watchTokensIn(text);
    return JSON.parse(text || "null") as Record<string, any>;
  };

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    client = new RealtimeClient({ apiKey: API_KEY, baseURL: emulator.url, maxRetries: 0 });
    handler = createTokenHandler({
      endpoints: ENDPOINTS,
      client,
      authorize: (request) => (request.headers.get("authorization") === "Bearer user-bearer-token-1" ? { subject: "user-1" } : false),
      onRequest: (r) => records.push(r),
    });
  });
  beforeEach(() => emulator.reset());
  afterAll(async () => {
    scan.check("request records", JSON.stringify(records));
    scan.check("emulator request log", await emulator.requestLog());
    scan.assertClean();
    await emulator?.close();
  });

  it("mints a token whose session is the endpoint's session, without credentials, and never cached", async () => {
    const res = await post("web", { bearer: "user-bearer-token-1", origin: ORIGIN });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    // A cross-origin page reads only the headers exposed to it: TokenSource needs Date (the
    // endpoint's clock, for a page whose clock is off) and Retry-After.
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(["date", "retry-after"]));
    const body = await answer(res);
    expect(body.value).toMatch(/^ek_/);
    expect(body).toMatchObject({ endpoint: "web", revision: "rev-1" });
    const { tools, ...rest } = session;
    expect(body.session).toEqual({ ...rest, tools: [{ type: "mcp", server_label: "crm", server_url: "https://crm.example.com/mcp" }] });
    // The API was asked for exactly the endpoint's session (credentials included) and lifetime.
    const [sent] = (await emulator.requests()) as unknown as Array<{ body: { session: unknown; expires_after: unknown } }>;
    expect(sent!.body.expires_after).toEqual({ anchor: "created_at", seconds: 60 });
    expect((sent!.body.session as typeof session).instructions).toBe(session.instructions);
    expect(body.expires_at - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
  });

  it("mints without credentials for auth: none and without an origin for server-side callers", async () => {
    const res = await post("open");
    expect(res.status).toBe(201);
    const body = await answer(res);
    expect(body.session).toEqual({ type: "realtime", model: "gpt-realtime" });
    expect((await emulator.stats()).requests[MINTS]).toBe(1);
  });

  it.each([
    ["no credentials", () => post("web", { origin: ORIGIN }), 401, "unauthorized"],
    ["a wrong bearer token", () => post("web", { bearer: "not-the-token-9" }), 401, "unauthorized"],
    ["an undeclared origin", () => post("web", { bearer: "user-bearer-token-1", origin: "https://evil.example.com" }), 403, "origin_not_allowed"],
    ["an origin on an endpoint that declares none", () => post("open", { origin: ORIGIN }), 403, "origin_not_allowed"],
    ["an unknown endpoint", () => post("nope", { bearer: "user-bearer-token-1" }), 404, "unknown_endpoint"],
    ["a GET", () => post("web", { method: "GET" }), 405, "method_not_allowed"],
    ["a body over the limit", () => post("open", { body: "x".repeat(20_000) }), 413, "payload_too_large"],
  ])("refuses %s with its status and no API request", async (_what, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await answer(res)).error.code).toBe(code);
    if (status === 405) expect(res.headers.get("allow")).toBe("POST, OPTIONS");
    if (status === 401) expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("answers CORS preflights for declared origins only", async () => {
    const preflight = (origin: string) =>
      handler(new Request("http://tokens.test/tokens/web", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }));
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
    const refused = await preflight("https://evil.example.com");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("rate-limits a client by subject with Retry-After, without an API request past the limit", async () => {
    const fresh = createTokenHandler({ endpoints: ENDPOINTS, client, authorize: () => ({ subject: "user-2" }) });
    const mint = (address: string) => fresh(new Request("http://tokens.test/tokens/web", { method: "POST" }), { clientAddress: address });
    expect((await mint("10.0.0.1")).status).toBe(201);
    expect((await mint("10.0.0.2")).status).toBe(201);
    // Same subject from a third address: the burst of 2 is spent.
    const limited = await mint("10.0.0.3");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await answer(limited)).error.code).toBe("rate_limited");
    expect((await emulator.stats()).requests[MINTS]).toBe(2);
  });

  it("keys callers without a subject by address", async () => {
    const fresh = createTokenHandler({ endpoints: { a: { ...ENDPOINTS.open, rateLimit: { perMinute: 1 } } }, client });
    const mint = (address: string) => fresh(new Request("http://tokens.test/tokens/a", { method: "POST" }), { clientAddress: address });
    expect((await mint("10.0.0.1")).status).toBe(201);
    expect((await mint("10.0.0.1")).status).toBe(429);
    expect((await mint("10.0.0.2")).status).toBe(201);
  });

  it("answers 502 with the API's request id, never its key, when the API fails", async () => {
    await emulator.faults({ count: 1, statuses: [500] });
    const failed = await post("open");
    expect(failed.status).toBe(502);
    const body = await answer(failed);
    expect(body.error.request_id).toMatch(/^req_/);
    expect(JSON.stringify(body)).not.toContain("sk-");
  });

  it("holds back every mint after an API 429, not only the one that got it", async () => {
    const retrying = new RealtimeClient({ apiKey: API_KEY, baseURL: emulator.url, maxRetries: 2 });
    const fresh = createTokenHandler({ endpoints: ENDPOINTS, client: retrying });
    const mintOpen = async () => {
      const res = await fresh(new Request("http://tokens.test/tokens/open", { method: "POST" }));
      return { status: res.status, at: Date.now() };
    };
    await emulator.faults({ count: 1, statuses: [429], retryAfterSeconds: 1 });
    const first = mintOpen();
    await waitFor("the API's 429", async () => ((await emulator.stats()).faults === 1 ? true : undefined));
    const pausedUntil = Date.now() + retrying.rateLimiter.pausedForMs;
    expect(retrying.rateLimiter.pausedForMs).toBeGreaterThan(0);
    // A mint started after the 429 waits out the same pause, though it never saw one.
    const second = await mintOpen();
    expect(second.status).toBe(201);
    expect(second.at).toBeGreaterThanOrEqual(pausedUntil - 50);
    expect((await first).status).toBe(201);
    expect((await emulator.stats()).requests[MINTS]).toBe(3);
  });

  it("lets authorize refuse with its own status", async () => {
    const fresh = createTokenHandler({
      endpoints: ENDPOINTS,
      client,
      authorize: () => {
        throw new TokenRequestError(403, "suspended", "This account may not mint tokens");
      },
    });
    const res = await fresh(new Request("http://tokens.test/tokens/web", { method: "POST" }));
    expect(res.status).toBe(403);
    expect((await answer(res)).error.code).toBe("suspended");
  });

  describe("behind node:http", () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer(toNodeListener(handler));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("mints, keyed by the peer address", async () => {
      const res = await fetch(`${url}/tokens/open`, { method: "POST", body: "{}" });
      expect(res.status).toBe(201);
      await answer(res);
      expect(records.at(-1)).toMatchObject({ endpoint: "open", outcome: "minted", clientAddress: "127.0.0.1" });
    });

    it("answers as the Web handler does: same status, headers and error for each case, without a Web Request in between", async () => {
      const cases: Array<{ path: string; method: string; headers: Record<string, string>; body?: string }> = [
        { path: "/tokens/web", method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "POST" } },
        { path: "/tokens/web", method: "OPTIONS", headers: { origin: "https://evil.example.com" } },
        { path: "/tokens/web", method: "POST", headers: { origin: ORIGIN } },
        { path: "/tokens/web?x=1", method: "POST", headers: { origin: ORIGIN, authorization: "Bearer user-bearer-token-1" } },
        { path: "/tokens/nope", method: "POST", headers: {} },
        { path: "/tokens/open", method: "GET", headers: {} },
        { path: "/tokens/open", method: "POST", headers: {}, body: "x".repeat(20_000) },
      ];
      // Set by the server (node:http) or the transport, not by the handler.
      const transport = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
      const seen = (res: Response) => [...res.headers].filter(([name]) => !transport.has(name)).sort();
      const code = async (res: Response) => (res.status === 204 ? null : ((await answer(res)).error?.code ?? "minted"));
      for (const c of cases) {
        const web = await handler(new Request(`http://tokens.test${c.path}`, { method: c.method, headers: c.headers, body: c.body ?? null }), { clientAddress: "10.9.9.9" });
        const node = await fetch(`${url}${c.path}`, { method: c.method, headers: c.headers, body: c.body ?? null });
        const what = `${c.method} ${c.path} ${JSON.stringify(c.headers)}`;
        expect([node.status, seen(node)], what).toEqual([web.status, seen(web)]);
        expect(await code(node), what).toBe(await code(web));
      }
      expect(records.at(-1)).toMatchObject({ endpoint: "open", outcome: "payload_too_large", clientAddress: "127.0.0.1" });
    });

    it("reads the path as the Web handler's URL does: dot segments resolved, as a raw client may send them", async () => {
      const raw = (path: string) =>
        new Promise<number>((resolve, reject) => {
          // Options, not a URL string, which node would resolve before sending.
          const { hostname, port } = new URL(url);
          const req = httpRequest({ hostname, port, path, method: "POST", headers: { origin: ORIGIN } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      for (const path of ["/x/../tokens/web", "/tokens/./web", "/x/%2e%2e/tokens/web"]) {
        const web = await handler(new Request(`http://tokens.test${path}`, { method: "POST", headers: { origin: ORIGIN } }), { clientAddress: "10.9.9.9" });
        expect([path, await raw(path)]).toEqual([path, web.status]);
      }
      // Where the segments lead matters, not how they were written.
      expect(await raw("/tokens/x/../nope")).toBe(404);
    });

    it("serves any other Web-standard handler through a Request and its Response", async () => {
      const plain = createServer(toNodeListener(async (request) => new Response(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`, { status: 202 })));
      await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
      try {
        const res = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/tokens/x`, { method: "POST", body: "hello" });
        expect([res.status, await res.text()]).toEqual([202, "POST /tokens/x hello"]);
      } finally {
        await new Promise<void>((resolve) => plain.close(() => resolve()));
      }
    });

    it("refuses a chunked body over the limit with 413 and no API request", async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${url}/tokens/open`, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on("error", reject);
        for (let i = 0; i < 40; i++) req.write("y".repeat(1024));
        req.end();
      });
      expect(status).toBe(413);
      expect(await emulator.apiRequests()).toBe(0);
    });
  });
});
