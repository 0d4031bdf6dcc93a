// The router as a process, fed real signed webhooks by the emulator: each
// route kind reaches its call state, decisions are logged and counted.
import { describe, expect, it } from "vitest";
import { SecretScan } from "../../helpers/secrets";
import { API_KEY, useRouterChain } from "./setup";

describe("router: routing decisions", { timeout: 60_000 }, () => {
  const chain = useRouterChain();

  it("accepts a gold caller with the first route's session", async () => {
    const id = await chain.calls.incoming({ To: "<sip:+14155550123@sip.example.com>", From: "sip:+12125550111@carrier", "X-Tier": "gold" });
    const call = await chain.calls.waitFor(id, "accepted");
    expect(call.session?.["instructions"]).toBe("You are the gold concierge.");
    const log = await chain.router.decisionFor(id);
    expect(log).toMatchObject({ callId: id, route: 0, action: "accept", outcome: "ok", attempts: 1 });
    expect(log.webhookId).toMatch(/\S/);
    expect(typeof log.latencyMs).toBe("number");
  });

  it("falls through to the next matching route", async () => {
    const id = await chain.calls.incoming({ To: "sip:+14155550199@sip.example.com", From: "sip:+12125550111@carrier" });
    const call = await chain.calls.waitFor(id, "accepted");
    expect(call.session?.["instructions"]).toBe("You are the concierge.");
    expect(await chain.router.decisionFor(id)).toMatchObject({ route: 1, action: "accept", outcome: "ok" });
  });

  it("refers a call matched by a regular expression", async () => {
    const id = await chain.calls.incoming({ To: "sip:+12125550100@sip.example.com", From: "<sip:+442071234567@uk.example>;tag=9" });
    const call = await chain.calls.waitFor(id, "referred");
    expect(call.refer_target).toBe("tel:+14155550100");
    // Accept (the API transfers only active calls) and REFER: two requests.
    expect(await chain.router.decisionFor(id)).toMatchObject({ route: 3, action: "refer", outcome: "ok", attempts: 2 });
  });

  it("rejects with the route's status, header names compared case-insensitively", async () => {
    const id = await chain.calls.incoming({ To: "sip:+12125550100@sip.example.com", From: "sip:+12125550111@carrier", "X-Spam": "yes" });
    const call = await chain.calls.waitFor(id, "rejected");
    expect(call.reject_status_code).toBe(486);
    expect(await chain.router.decisionFor(id)).toMatchObject({ route: 4, action: "reject", outcome: "ok" });
  });

  it("rejects a call no route matches with 603 Decline", async () => {
    const id = await chain.calls.incoming({ To: "sip:+12125550100@sip.example.com", From: "sip:+12125550111@carrier" });
    const call = await chain.calls.waitFor(id, "rejected");
    expect(call.reject_status_code).toBe(603);
    expect(await chain.router.decisionFor(id)).toMatchObject({ route: null, action: "reject", outcome: "ok" });
  });

  it("hangs a call up when its route's maxDurationSeconds is reached", async () => {
    const id = await chain.calls.incoming({ To: "sip:+18005550100@sip.example.com", From: "sip:+12125550111@carrier" });
    const decision = await chain.router.decisionFor(id);
    expect(decision).toMatchObject({ route: 2, action: "accept", outcome: "ok", hangupAt: expect.any(String) });
    expect(Date.parse(String(decision.hangupAt)) - Date.parse(String(decision.time))).toBeGreaterThanOrEqual(900);
    await chain.calls.waitFor(id, "ended", 10_000);
    const hangup = await chain.router.hangupFor(id);
    expect(hangup).toMatchObject({ reason: "max_duration", outcome: "ok" });
    expect(Date.parse(String(hangup.time))).toBeGreaterThanOrEqual(Date.parse(String(decision.hangupAt)));
  });

  it("retries a failed API call with the client's policy and acts once", async () => {
    const before = (await chain.emulator.stats()).requests["POST /v1/realtime/calls/{call_id}/reject"] ?? 0;
    await chain.emulator.faults({ count: 2, statuses: [503] });
    const id = await chain.calls.incoming({ To: "sip:+12125550100@sip.example.com", From: "sip:+1", "X-Spam": "yes" });
    await chain.calls.waitFor(id, "rejected");
    expect(await chain.router.decisionFor(id)).toMatchObject({ action: "reject", outcome: "ok", attempts: 3 });
    const after = (await chain.emulator.stats()).requests["POST /v1/realtime/calls/{call_id}/reject"] ?? 0;
    expect(after - before).toBe(3);
  });

  it("counts an accept that finds the call already accepted as done", async () => {
    chain.tap.mode = "hold";
    try {
      const id = await chain.calls.incoming({ To: "sip:+14155550123@sip.example.com", From: "sip:+1" });
      const delivery = await chain.tap.deliveryFor(id);
      const res = await fetch(`${chain.emulator.url}/realtime/calls/${id}/accept`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "realtime", model: "gpt-realtime" }),
      });
      expect(res.status).toBe(200);
      expect((await chain.tap.forward(delivery)).status).toBe(202);
      expect(await chain.router.decisionFor(id)).toMatchObject({ action: "accept", outcome: "already_done", attempts: 1 });
    } finally {
      chain.tap.mode = "forward";
    }
  });

  it("routes a burst of 100 calls, all fully decided", async () => {
    const ids = await Promise.all(
      Array.from({ length: 100 }, (_, i) => chain.calls.incoming({ To: `sip:+1415555${String(i).padStart(4, "0")}@sip.example.com`, From: "sip:+1" })),
    );
    for (const id of ids) await chain.calls.waitFor(id, "accepted", 30_000);
    for (const id of ids) expect(await chain.router.decisionFor(id)).toMatchObject({ route: 1, outcome: "ok" });
  });

  it("serves /healthz and Prometheus /metrics", async () => {
    const health = await fetch(`${chain.router.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", store: "memory" });
    const text = await chain.router.metrics();
    expect(text).toMatch(/^router_decisions_total\{action="accept",outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^router_decisions_total\{action="refer",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^router_decisions_total\{action="hangup",outcome="ok"\} 1$/m);
    expect(text).toContain("# TYPE router_decision_latency_seconds histogram");
    expect(text).toMatch(/^router_decision_latency_seconds_bucket\{le="\+Inf"\} \d+$/m);
  });

  it("never logs the API key or the webhook secret", async () => {
    const scan = new SecretScan().watch(API_KEY, "API key").watch(chain.secret, "webhook secret");
    scan.watch(chain.secret.slice("whsec_".length), "webhook secret key");
    scan.check("router stdout", chain.router.stdout).check("router stderr", chain.router.stderr);
    await scan.checkEmulator(chain.emulator);
    scan.assertClean();
  });
});
