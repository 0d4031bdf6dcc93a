import { describe, expect, it } from "vitest";
import { MemoryRateLimits } from "../../../src/token-endpoint/rate-limits";
import { originAllowed, withoutCredentials } from "../../../src/token-endpoint";

describe("MemoryRateLimits", () => {
  it("allows a burst, then refills at perMinute, per key", async () => {
    let now = 0;
    const limits = new MemoryRateLimits(() => now);
    const limit = { perMinute: 6, burst: 2 };
    expect((await limits.take("a", limit)).allowed).toBe(true);
    expect((await limits.take("a", limit)).allowed).toBe(true);
    expect(await limits.take("a", limit)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect((await limits.take("b", limit)).allowed).toBe(true);
    now = 9_000;
    expect(await limits.take("a", limit)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 10_000;
    expect((await limits.take("a", limit)).allowed).toBe(true);
  });

  it("takes the burst to be perMinute when none is given", async () => {
    const limits = new MemoryRateLimits(() => 0);
    for (let i = 0; i < 3; i++) expect((await limits.take("a", { perMinute: 3 })).allowed).toBe(true);
    expect((await limits.take("a", { perMinute: 3 })).allowed).toBe(false);
  });
});

describe("originAllowed", () => {
  it("matches exact origins and host wildcards only", () => {
    expect(originAllowed("https://app.example.com", ["https://app.example.com"])).toBe(true);
    expect(originAllowed("https://app.example.com:8443", ["https://app.example.com"])).toBe(false);
    expect(originAllowed("http://app.example.com", ["https://app.example.com"])).toBe(false);
    expect(originAllowed("https://a.example.com", ["https://*.example.com"])).toBe(true);
    expect(originAllowed("https://a.b.example.com", ["https://*.example.com"])).toBe(false);
    expect(originAllowed("https://evilexample.com", ["https://*.example.com"])).toBe(false);
    expect(originAllowed("https://x.test", undefined)).toBe(false);
  });
});

describe("withoutCredentials", () => {
  it("drops MCP authorization and headers at any depth, keeping the rest", () => {
    const session = { type: "realtime", tools: [{ type: "mcp", server_label: "crm", authorization: "t", headers: { a: "b" } }] };
    expect(withoutCredentials(session)).toEqual({ type: "realtime", tools: [{ type: "mcp", server_label: "crm" }] });
  });
});
