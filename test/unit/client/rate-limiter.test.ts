import { afterEach, describe, expect, it } from "vitest";
import { RateLimiter, RealtimeClient } from "../../../src/client";
import { startServer, type LoopbackServer } from "./loopback-server";

/** A clock that moves only when told; sleepers wake in time order. */
class FakeClock {
  t = 0;
  private timers: Array<{ at: number; wake: () => void }> = [];
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.timers.push({ at: this.t + ms, wake });
    });
  /** Moves to `to`, waking each sleeper due on the way and letting it run before the next. */
  async advanceTo(to: number): Promise<void> {
    for (;;) {
      await flush();
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (next === undefined || next.at > to) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
    this.t = to;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function track(clock: FakeClock, limiter: RateLimiter, n: number, started: Array<[number, number]>) {
  return Array.from({ length: n }, (_, i) => limiter.acquire().then(() => started.push([i, clock.t])));
}

describe("RateLimiter (fake clock)", () => {
  it("spaces requests 1/rate apart, in arrival order", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 10, now: clock.now, sleep: clock.sleep });
    const started: Array<[number, number]> = [];
    const all = track(clock, limiter, 5, started);
    await clock.advanceTo(1_000);
    await Promise.all(all);
    expect(started).toEqual([
      [0, 0],
      [1, 100],
      [2, 200],
      [3, 300],
      [4, 400],
    ]);
  });

  it("no cap by default: every request starts at once", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const started: Array<[number, number]> = [];
    await Promise.all(track(clock, limiter, 3, started));
    expect(started.map(([, t]) => t)).toEqual([0, 0, 0]);
    expect(limiter.requestsPerSecond).toBe(Infinity);
  });

  it("a pause holds back every caller until it ends, then they go together", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause(1_000);
    expect(limiter.pausedForMs).toBe(1_000);
    const started: Array<[number, number]> = [];
    const all = track(clock, limiter, 3, started);
    await clock.advanceTo(999);
    expect(started).toEqual([]);
    await clock.advanceTo(1_000);
    await Promise.all(all);
    expect(started.map(([, t]) => t)).toEqual([1_000, 1_000, 1_000]);
    expect(limiter.pausedForMs).toBe(0);
  });

  it("a longer pause seen while waiting extends the wait; a shorter one never shortens it", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    const started: Array<[number, number]> = [];
    const all = track(clock, limiter, 2, started); // second slot at 1000
    await clock.advanceTo(500);
    limiter.pause(2_000); // until 2500
    limiter.pause(100);
    await clock.advanceTo(5_000);
    await Promise.all(all);
    expect(started).toEqual([
      [0, 0],
      [1, 2_500],
    ]);
  });

  it("rejects a negative rate, naming it", () => {
    expect(() => new RateLimiter({ requestsPerSecond: -1 })).toThrow(
      "requestsPerSecond must be a positive number (0 or Infinity for no cap), got -1",
    );
  });

  it("an aborted signal ends the wait", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause(1_000);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});

describe("clients sharing a limiter (loopback server, real clock)", () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("after one request is answered 429, no other request reaches the server before the wait is over", async () => {
    const arrivals: number[] = [];
    let rateLimitedAt = 0;
    server = await startServer((_, i) => {
      arrivals.push(Date.now());
      if (i === 0) {
        rateLimitedAt = Date.now();
        return { status: 429, headers: { "retry-after-ms": "400" }, body: { error: { message: "slow down" } } };
      }
      return { status: 200 };
    });
    const limiter = new RateLimiter();
    const a = new RealtimeClient({ apiKey: "sk-test-limiter-a", baseURL: server.baseURL, rateLimiter: limiter });
    const b = new RealtimeClient({ apiKey: "sk-test-limiter-b", baseURL: server.baseURL, rateLimiter: limiter });
    const first = a.calls.hangup("rtc_0");
    while (limiter.pausedForMs === 0) await new Promise((r) => setTimeout(r, 1));
    // Both clients start while the pause is on: neither may reach the server until it ends.
    await Promise.all([first, a.calls.hangup("rtc_1"), b.calls.hangup("rtc_2"), b.calls.hangup("rtc_3")]);
    expect(arrivals).toHaveLength(5);
    for (const at of arrivals.slice(1)) expect(at - rateLimitedAt).toBeGreaterThanOrEqual(395);
  });
});
