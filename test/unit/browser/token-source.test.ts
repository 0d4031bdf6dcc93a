// The browser TokenSource on a scripted endpoint and fake timers: one token
// per call, a spare minted ahead and renewed before its margin, no duplicate
// mints under concurrency, and retries that honour Retry-After. (The real
// page in Chromium against the token service is examples/browser-token's test.)
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TokenSource, TokenSourceError, type FetchLike, type FetchResponseLike } from "../../../src/browser";
import { readmeSnippet } from "../../helpers/readme";

const URL = "https://tokens.example.test/tokens/web";
const T0 = Date.UTC(2030, 0, 1);

/**
 * "network": the endpoint cannot be reached (every request fails, a probe too);
 * "cors": it answers, and the browser keeps the answer from the page (an
 * undeclared origin): the request fails, an opaque `no-cors` probe gets through.
 */
type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "network" | "cors";

/**
 * A fake token endpoint. Each request takes the next scripted reply, else
 * mints `ek_<n>` living `lifetime` seconds; with `hold`, answers wait for
 * `release()`.
 */
class Endpoint {
  readonly requests: Array<{ url: string; method: string; headers: Record<string, string>; cache: string }> = [];
  /** `no-cors` probes: they take no scripted reply; they fail while the last reply was "network". */
  probes = 0;
  private down = false;
  readonly script: Reply[] = [];
  lifetime = 60;
  hold = false;
  /** Seconds the endpoint's clock is behind the page's. */
  behind = 0;
  sendDate = false;
  private minted = 0;
  private readonly gates: Array<() => void> = [];

  readonly fetch: FetchLike = async (url, init) => {
    if (init.mode === "no-cors") {
      this.probes++;
      if (this.down) throw new TypeError("Failed to fetch");
      return { status: 0, headers: { get: () => null }, text: async () => "" };
    }
    this.requests.push({ url, method: init.method, headers: init.headers, cache: init.cache });
    if (this.hold) await new Promise<void>((resolve) => this.gates.push(resolve));
    const reply = this.script.shift();
    this.down = reply === "network";
    if (reply === "network" || reply === "cors") throw new TypeError("Failed to fetch");
    const serverNow = Date.now() / 1000 - this.behind;
    const body = reply !== undefined ? (reply.body ?? {}) : {
      value: `ek_${++this.minted}`,
      expires_at: Math.floor(serverNow) + this.lifetime,
      endpoint: "web",
      revision: "rev1",
      session: { type: "realtime", model: "gpt-realtime" },
    };
    const headers: Record<string, string> = { ...(reply?.headers ?? {}) };
    if (this.sendDate) headers["date"] = new Date(Math.floor(serverNow) * 1000).toUTCString();
    const response: FetchResponseLike = {
      status: reply?.status ?? 201,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
      text: async () => (typeof body === "string" ? body : JSON.stringify(body)),
    };
    return response;
  };

  /** Lets the `n` oldest held requests answer. */
  release(n = this.gates.length): void {
    for (const gate of this.gates.splice(0, n)) gate();
  }
}

/** Lets promise callbacks run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("TokenSource", () => {
  let endpoint: Endpoint;
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    endpoint = new Endpoint();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("mints one ahead on construction, so token() answers from it without a mint in between", async () => {
    const source = new TokenSource(URL, { fetch: endpoint.fetch, headers: { Authorization: "Bearer app-session" } });
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    // The endpoint now holds every further request: token() must not need one.
    endpoint.hold = true;
    const token = await source.token();
    expect(token).toEqual({
      value: "ek_1",
      expiresAt: T0 / 1000 + 60,
      endpoint: "web",
      revision: "rev1",
      session: { type: "realtime", model: "gpt-realtime" },
    });
    // ...and the next spare is on its way.
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[0]).toEqual({
      url: URL,
      method: "POST",
      headers: { accept: "application/json", Authorization: "Bearer app-session" },
      cache: "no-store",
    });
    source.close();
  });

  it("gives each call its own token: N concurrent calls make N mints plus the one spare, never more", async () => {
    endpoint.hold = true;
    const source = new TokenSource(URL, { fetch: endpoint.fetch });
    const calls = Array.from({ length: 5 }, () => source.token());
    await settle();
    // The spare in flight serves the first call; four more mints serve the rest; one new spare.
    expect(endpoint.requests).toHaveLength(6);
    endpoint.release();
    const values = (await Promise.all(calls)).map((t) => t.value);
    expect(new Set(values).size).toBe(5);
    await settle();
    expect(endpoint.requests).toHaveLength(6);
    // The sixth is the spare: the next call takes it without a mint, and one more spare starts.
    endpoint.hold = false;
    const next = await source.token();
    expect(values).not.toContain(next.value);
    await settle();
    expect(endpoint.requests).toHaveLength(7);
    source.close();
  });

  it("without prefetch, mints exactly one token per call", async () => {
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    await settle();
    expect(endpoint.requests).toHaveLength(0);
    const [a, b] = await Promise.all([source.token(), source.token()]);
    expect(a.value).not.toBe(b.value);
    expect(endpoint.requests).toHaveLength(2);
  });

  it("re-mints the spare before it is within the margin of expiry, and never hands out the old one", async () => {
    const source = new TokenSource(URL, { fetch: endpoint.fetch, marginSeconds: 10 });
    await settle();
    // 60 s tokens, a 10 s margin: the spare is replaced at 50 s, not a moment before.
    await vi.advanceTimersByTimeAsync(49_999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.requests).toHaveLength(2);
    const token = await source.token();
    expect(token.value).toBe("ek_2");
    expect(token.expiresAt - Date.now() / 1000).toBe(60);
    source.close();
  });

  it("uses at most half of a short token's lifetime as the margin", async () => {
    endpoint.lifetime = 10;
    const source = new TokenSource(URL, { fetch: endpoint.fetch, marginSeconds: 30 });
    await settle();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.requests).toHaveLength(2);
    source.close();
  });

  it("drops a stale spare when its timer could not run (a suspended page) and waits for a fresh one", async () => {
    const source = new TokenSource(URL, { fetch: endpoint.fetch });
    await settle();
    // The clock jumps without timers firing, as when a laptop wakes up.
    vi.setSystemTime(T0 + 55_000);
    const token = await source.token();
    expect(token.value).toBe("ek_2");
    expect(token.expiresAt).toBe((T0 + 55_000) / 1000 + 60);
    source.close();
  });

  it("reads the lifetime on the endpoint's clock (its Date header) when the page's clock is off", async () => {
    // The page's clock is five minutes ahead: by it, every token expired before it was minted.
    endpoint.behind = 300;
    endpoint.sendDate = true;
    const source = new TokenSource(URL, { fetch: endpoint.fetch, marginSeconds: 10 });
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    // Still the first spare: 59 s of its 60 (the Date header's whole second counted against it) minus the margin.
    expect(endpoint.requests).toHaveLength(1);
    expect((await source.token()).value).toBe("ek_1");
    source.close();
  });

  it("retries a 429 after exactly its Retry-After, then succeeds", async () => {
    endpoint.script.push({ status: 429, body: { error: { message: "rate limited" } }, headers: { "retry-after": "3" } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    const token = source.token();
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.requests).toHaveLength(2);
    expect((await token).value).toBe("ek_1");
  });

  it("honours a Retry-After given as an HTTP date", async () => {
    endpoint.script.push({ status: 503, headers: { "retry-after": new Date(T0 + 5_000).toUTCString() } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    const token = source.token();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(endpoint.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await token).value).toBe("ek_1");
  });

  it("backs off on 5xx and network errors, and fails with the endpoint's status after maxRetries", async () => {
    endpoint.script.push("network", { status: 502 }, { status: 503 }, { status: 500, body: { error: { message: "upstream failed", request_id: "req_1" } } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false, maxRetries: 3 });
    const token = source.token();
    const failure = expect(token).rejects.toMatchObject({
      name: "TokenSourceError",
      status: 500,
      message: "token endpoint answered 500: upstream failed",
    });
    // Backoff grows: the three waits fit in 0.5 + 1 + 2 s at most.
    await vi.advanceTimersByTimeAsync(3_500);
    await failure;
    expect(endpoint.requests).toHaveLength(4);
  });

  it("fails at once when the endpoint answers and the browser refuses the answer (CORS), with no retry", async () => {
    endpoint.script.push("cors");
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    const error = await source.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenSourceError);
    expect(error).toMatchObject({ status: 0, message: expect.stringMatching(/^token endpoint refused this page's origin \(CORS\)/) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect([endpoint.requests.length, endpoint.probes]).toEqual([1, 1]);
  });

  it("retries a network failure (the probe does not get through either)", async () => {
    endpoint.script.push("network", "network");
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    const token = source.token();
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await token).value).toBe("ek_1");
    expect([endpoint.requests.length, endpoint.probes]).toEqual([3, 2]);
  });

  it("does not retry 4xx other than 429, and fails with the endpoint's message", async () => {
    endpoint.script.push({ status: 403, body: { error: { message: "origin not allowed" } } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    const error = await source.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenSourceError);
    expect(error).toMatchObject({ status: 403, message: "token endpoint answered 403: origin not allowed" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(endpoint.requests).toHaveLength(1);
  });

  it("fails at once on a Retry-After longer than maxRetryAfterSeconds, saying how long", async () => {
    endpoint.script.push({ status: 429, headers: { "retry-after": "600" } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false, maxRetryAfterSeconds: 60 });
    await expect(source.token()).rejects.toMatchObject({ status: 429, retryAfterSeconds: 600 });
    expect(endpoint.requests).toHaveLength(1);
  });

  it("stops prefetching after a prefetch failed, until the next call (no loop against a refusing endpoint)", async () => {
    endpoint.script.push({ status: 401, body: { error: { message: "missing bearer token" } } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(endpoint.requests).toHaveLength(1);
    // The next call mints for itself (and a spare) again.
    expect((await source.token()).value).toBe("ek_1");
    source.close();
  });

  it("rejects a success without a token", async () => {
    endpoint.script.push({ status: 201, body: { expires_at: 1 } });
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false });
    await expect(source.token()).rejects.toMatchObject({ message: "token endpoint answered 201 without value and expires_at" });
  });

  it("computes headers per request, e.g. a fresh JWT", async () => {
    let n = 0;
    const source = new TokenSource(URL, { fetch: endpoint.fetch, prefetch: false, headers: async () => ({ Authorization: `Bearer jwt-${++n}` }) });
    await source.token();
    await source.token();
    expect(endpoint.requests.map((r) => r.headers["Authorization"])).toEqual(["Bearer jwt-1", "Bearer jwt-2"]);
  });

  it("runs the usage of docs/browser.md as printed", async () => {
    const { code } = readmeSnippet("token-source-usage");
    const importLine = `import { TokenSource } from "pulumi-openai-realtime/browser";\n`;
    expect(code.startsWith(importLine)).toBe(true);
    // The page's fetch: the token endpoint, and the Realtime API's calls endpoint.
    const calls: Array<{ url: string; authorization: string | undefined }> = [];
    vi.stubGlobal("fetch", async (url: string, init: { headers: Record<string, string> }) => {
      if (url === "https://app.example.com/tokens/web") return endpoint.fetch(url, init as Parameters<FetchLike>[1]);
      calls.push({ url, authorization: init.headers["Authorization"] });
      return { status: 201, headers: { get: () => null }, text: async () => "v=0" };
    });
    const AsyncFunction = (async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<{
      source: TokenSource;
      token: { value: string };
    }>;
    const run = new AsyncFunction("TokenSource", "sessionToken", "offer", `${code.slice(importLine.length)}\nreturn { source, token };`);
    const { source, token } = await run(TokenSource, "app-session", { sdp: "v=0" });
    source.close();
    expect(endpoint.requests[0]?.headers["Authorization"]).toBe("Bearer app-session");
    expect(token.value).toBe("ek_1");
    expect(calls).toEqual([{ url: "https://api.openai.com/v1/realtime/calls", authorization: "Bearer ek_1" }]);
  });

  it("stops renewing the spare once closed, and refuses calls", async () => {
    const source = new TokenSource(URL, { fetch: endpoint.fetch });
    await settle();
    source.close();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(endpoint.requests).toHaveLength(1);
    await expect(source.token()).rejects.toMatchObject({ message: "TokenSource is closed" });
  });
});
