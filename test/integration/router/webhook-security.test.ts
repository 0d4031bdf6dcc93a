// Deliveries the router must refuse or not act on twice: forged, stale,
// future, headerless, oversized, non-JSON, redelivered and unknown events.
import { describe, expect, it } from "vitest";
import { signWebhook } from "../../../src/client/webhooks";
import { testSecret, waitFor, type Delivery } from "./helpers";
import { useRouterChain } from "./setup";

const ACCEPTS = "POST /v1/realtime/calls/{call_id}/accept";

describe("router: webhook verification and de-duplication", { timeout: 60_000 }, () => {
  const chain = useRouterChain();

  /** An incoming call whose genuine webhook the tap holds back. */
  async function heldCall(): Promise<{ id: string; delivery: Delivery }> {
    chain.tap.mode = "hold";
    const id = await chain.calls.incoming({ To: "sip:+14155550123@sip.example.com", From: "sip:+1" });
    const delivery = await chain.tap.deliveryFor(id);
    chain.tap.mode = "forward";
    return { id, delivery };
  }

  async function post(body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(`${chain.router.url}/webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  }

  function signed(delivery: Delivery, overrides: { secret?: string; timestamp?: number; body?: string } = {}): Record<string, string> {
    return signWebhook({
      id: String(delivery.headers["webhook-id"]),
      body: overrides.body ?? delivery.body,
      secret: overrides.secret ?? chain.secret,
      timestamp: overrides.timestamp,
    });
  }

  it("refuses forged, stale, future and headerless deliveries with 4xx and takes no action", async () => {
    const { id, delivery } = await heldCall();
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Record<string, string>, string]> = [
      ["forged", signed(delivery, { secret: testSecret() }), "no_matching_signature"],
      ["stale", signed(delivery, { timestamp: now - 360 }), "timestamp_too_old"],
      ["future", signed(delivery, { timestamp: now + 360 }), "timestamp_too_new"],
      ["no signature", { "webhook-id": "wh_1", "webhook-timestamp": String(now) }, "missing_header"],
    ];
    for (const [label, headers, reason] of cases) {
      const res = await post(delivery.body, headers);
      expect(res.status, label).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, label).toBe(reason);
    }
    // A body changed after signing fails too.
    const tampered = delivery.body.replace("+14155550123", "+14155550999");
    expect((await post(tampered, signed(delivery))).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect((await chain.calls.get(id)).status).toBe("incoming");
    // Log lines reach this process through a pipe, possibly after the HTTP answers.
    const reasons = ["no_matching_signature", "timestamp_too_old", "timestamp_too_new", "missing_header"];
    await waitFor("refusal log lines", () => {
      const refused = chain.router.logs.filter((l) => l.event === "webhook_refused").map((l) => l.reason);
      return reasons.every((r) => refused.includes(r)) ? true : undefined;
    });
    // The genuine one still works afterwards.
    expect((await chain.tap.forward(delivery, chain.secret)).status).toBe(202);
    await chain.calls.waitFor(id, "accepted");
  });

  it("refuses an oversized body with 413 and a non-JSON body with 400", async () => {
    const big = JSON.stringify({ padding: "x".repeat(70_000) });
    const res = await post(big, signWebhook({ id: "wh_big", body: big, secret: chain.secret }));
    expect(res.status).toBe(413);
    const text = "this is not json";
    const bad = await post(text, signWebhook({ id: "wh_text", body: text, secret: chain.secret }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_payload");
    const metrics = await chain.router.metrics();
    expect(metrics).toMatch(/^router_webhook_verification_failures_total\{reason="payload_too_large"\} 1$/m);
    expect(metrics).toMatch(/^router_webhook_verification_failures_total\{reason="invalid_payload"\} 1$/m);
  });

  it("acknowledges a redelivery without acting twice", async () => {
    const { id, delivery } = await heldCall();
    const before = (await chain.emulator.stats()).requests[ACCEPTS] ?? 0;
    const answers = await Promise.all([1, 2, 3].map(() => chain.tap.forward(delivery, chain.secret)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 202]);
    await chain.calls.waitFor(id, "accepted");
    await chain.router.decisionFor(id);
    await new Promise((r) => setTimeout(r, 300));
    expect(((await chain.emulator.stats()).requests[ACCEPTS] ?? 0) - before).toBe(1);
    await waitFor("duplicate log lines", () => (chain.router.logs.filter((l) => l.event === "webhook_duplicate" && l.callId === id).length === 2 ? true : undefined));
    expect(chain.router.decisions().filter((l) => l.callId === id)).toHaveLength(1);
  });

  it("acknowledges and ignores event types it does not handle", async () => {
    const before = await chain.emulator.apiRequests();
    const body = JSON.stringify({ object: "event", id: "evt_x", type: "response.completed", created_at: 1, data: { id: "resp_1" } });
    const res = await post(body, signWebhook({ id: "wh_unknown", body, secret: chain.secret }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ignored: "response.completed" });
    expect(await chain.emulator.apiRequests()).toBe(before);
    await waitFor("ignored log line", () => (chain.router.logs.some((l) => l.event === "webhook_ignored" && l.type === "response.completed") ? true : undefined));
  });

  it("logs refusals without any secret", () => {
    const output = chain.router.stdout + chain.router.stderr;
    expect(output).not.toContain(chain.secret.slice("whsec_".length));
  });
});
