// Load and shutdown: 50 deliveries at the same instant lose nothing, and
// SIGTERM finishes the action in flight before the process exits.
import { describe, expect, it } from "vitest";
import type { Delivery } from "./helpers";
import { useRouterChain } from "./setup";

describe("router: concurrency and graceful shutdown", { timeout: 90_000 }, () => {
  const chain = useRouterChain();

  it("holds 50 concurrent webhook deliveries without loss", async () => {
    chain.tap.mode = "hold";
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => chain.calls.incoming({ To: `sip:+1415666${String(i).padStart(4, "0")}@x`, From: "sip:+1" })),
    );
    const deliveries: Delivery[] = await Promise.all(ids.map((id) => chain.tap.deliveryFor(id)));
    chain.tap.mode = "forward";
    // Fired together, straight at the router.
    const answers = await Promise.all(deliveries.map((d) => chain.tap.forward(d, chain.secret)));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    for (const id of ids) await chain.calls.waitFor(id, "accepted", 30_000);
    const decided = new Set(chain.router.decisions().map((l) => l.callId));
    expect(ids.filter((id) => !decided.has(id))).toEqual([]);
  });

  it("on SIGTERM stops taking webhooks and finishes the action in flight", async () => {
    // Every API answer takes 3 s, so the accept is still in flight at SIGTERM.
    await chain.emulator.faults({ statuses: [], rate: 1, latencyMs: 3000 });
    chain.tap.mode = "hold";
    const id = await chain.calls.incoming({ To: "sip:+14155550123@x", From: "sip:+1" });
    const delivery = await chain.tap.deliveryFor(id);
    expect((await chain.tap.forward(delivery, chain.secret)).status).toBe(202);
    chain.router.child.kill("SIGTERM");
    expect(await chain.router.exited).toBe(0);
    expect((await chain.calls.get(id)).status).toBe("accepted");
    const shutdown = chain.router.logs.find((l) => l.event === "shutdown");
    expect(shutdown).toMatchObject({ signal: "SIGTERM", inFlight: 1 });
    expect(await chain.router.decisionFor(id)).toMatchObject({ outcome: "ok" });
    expect(chain.router.logs.at(-1)).toMatchObject({ event: "stopped" });
    await chain.emulator.faults({ statuses: [], rate: 0, latencyMs: 0 });
  });
});
