// CallRouter in-process on a scripted API and stores that fail or stall on
// purpose: no call is lost when a store call fails, drain waits for the
// deliveries still waiting on the store, and a failed refer hangs up.
import { describe, expect, it } from "vitest";
import { RealtimeClient } from "../../../src/client";
import type { FetchLike } from "../../../src/client/fetch-types";
import { signWebhook } from "../../../src/client/webhooks";
import { CallRouter, type LogRecord } from "../../../src/calls/router";
import { MemoryStore, type RouterStore } from "../../../src/calls/store";
import type { CallRoute } from "../../../src/schemas/call-routes";
import { testWebhookSecret } from "../../helpers/webhook-secrets";

const SECRET = testWebhookSecret("unit-test-secret-key-001");
const SESSION = { type: "realtime", model: "gpt-realtime" } as const;

/** A fetch that records each request's path and answers 200, or what `answer` says. */
function api(answer: (path: string) => number = () => 200): { client: RealtimeClient; sent: string[] } {
  const sent: string[] = [];
  const fetch: FetchLike = async (url) => {
    const path = new URL(url).pathname;
    sent.push(path);
    const status = answer(path);
    const body = status === 200 ? "" : JSON.stringify({ error: { message: "refused", type: "invalid_request_error", param: null, code: null } });
    return {
      status,
      headers: { forEach: (cb: (v: string, k: string) => void) => cb("application/json", "content-type") },
      text: async () => body,
    };
  };
  return { client: new RealtimeClient({ apiKey: "sk-unit-test", baseURL: "http://127.0.0.1:9/v1", fetch }), sent };
}

let sequence = 0;
/** A signed realtime.call.incoming delivery for `callId`. */
function delivery(callId: string, webhookId = `wh_${++sequence}`): { body: Buffer; headers: Record<string, string> } {
  const body = JSON.stringify({
    object: "event",
    id: `evt_${webhookId}`,
    type: "realtime.call.incoming",
    created_at: Math.floor(Date.now() / 1000),
    data: { call_id: callId, sip_headers: [{ name: "To", value: "sip:+14155550123@x" }] },
  });
  return { body: Buffer.from(body), headers: signWebhook({ id: webhookId, body, secret: SECRET }) };
}

function router(options: { routes?: CallRoute[]; client: RealtimeClient; store?: RouterStore; logs?: LogRecord[] }): CallRouter {
  return new CallRouter({
    routes: options.routes ?? [{ action: "accept", session: SESSION }],
    client: options.client,
    store: options.store ?? new MemoryStore(),
    secrets: () => [SECRET],
    log: (record) => options.logs?.push(record),
    retry: { maxRetries: 0, sleep: async () => undefined },
  });
}

/**
 * A memory store whose claims touching a call id fail while `failing` is set
 * (the store dropped between the webhook mark and the call mark), and whose
 * claims wait while `stalled` is set.
 */
class FaultyStore extends MemoryStore {
  failing = false;
  stalled: Promise<void> | undefined;
  constructor() {
    super();
    const original = this.claim.bind(this) as (...args: unknown[]) => Promise<boolean>;
    (this as { claim: unknown }).claim = async (...args: unknown[]) => {
      if (this.stalled !== undefined) await this.stalled;
      if (this.failing && JSON.stringify(args[0]).includes("call:")) throw new Error("store connection lost");
      return original(...args);
    };
  }
}

describe("CallRouter: small ones", () => {
  it.each([".", "..", "", "rtc_a/../b", "rtc_a?x", "x".repeat(300), "call_1"])("refuses the call id %j without an API request", async (callId) => {
    const { client, sent } = api();
    const r = router({ client });
    const { body, headers } = delivery(callId);
    const answer = await r.deliver(body, headers);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: "invalid_payload" } });
    await r.drain();
    expect(sent).toEqual([]);
  });

  it("logs a run of identical refusals once, then how many were left out", async () => {
    const { client } = api();
    let now = 1_000_000;
    const logs: LogRecord[] = [];
    const r = new CallRouter({
      routes: [{ action: "reject" }],
      client,
      store: new MemoryStore(),
      secrets: () => [testWebhookSecret("other-secret-key")],
      log: (record) => logs.push(record),
      now: () => now,
    });
    const { body, headers } = delivery("rtc_forged");
    for (let i = 0; i < 50; i++) expect((await r.deliver(body, headers)).status).toBe(400);
    expect(logs.filter((l) => l.event === "webhook_refused")).toHaveLength(1);
    now += 60_000;
    await r.deliver(body, headers);
    const refused = logs.filter((l) => l.event === "webhook_refused");
    expect(refused).toHaveLength(2);
    expect(refused[1]).toMatchObject({ reason: "no_matching_signature", suppressed: 49 });
    expect(r.metrics.render()).toMatch(/^router_webhook_verification_failures_total\{reason="no_matching_signature"\} 51$/m);
  });
});

describe("CallRouter: no call is lost", () => {
  it("a delivery whose store call fails is answered 503 and its retry is acted on", async () => {
    const { client, sent } = api();
    const store = new FaultyStore();
    const r = router({ client, store });
    store.failing = true;
    const { body, headers } = delivery("rtc_lost1");
    expect((await r.deliver(body, headers)).status).toBe(503);
    store.failing = false;
    const retry = await r.deliver(body, headers);
    expect(retry).toEqual({ status: 202, body: { call_id: "rtc_lost1" } });
    await r.drain();
    expect(sent).toEqual(["/v1/realtime/calls/rtc_lost1/accept"]);
  });

  it("drain waits for a delivery still waiting on the store, and answers new ones 503", async () => {
    const { client, sent } = api();
    const store = new FaultyStore();
    const r = router({ client, store });
    let resume!: () => void;
    store.stalled = new Promise((resolve) => (resume = resolve));
    const waiting = r.deliver(...Object.values(delivery("rtc_waiting")) as [Buffer, Record<string, string>]);
    await new Promise((resolve) => setImmediate(resolve));
    let drained = false;
    const draining = r.drain().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    const late = await r.deliver(...Object.values(delivery("rtc_late")) as [Buffer, Record<string, string>]);
    expect(late.status).toBe(503);
    expect(drained).toBe(false);
    resume();
    store.stalled = undefined;
    expect((await waiting).status).toBe(202);
    await draining;
    expect(sent).toEqual(["/v1/realtime/calls/rtc_waiting/accept"]);
  });

  it("drain gives up on the store at its deadline: the delivery is answered 503 and not marked", async () => {
    const { client, sent } = api();
    const store = new FaultyStore();
    const r = router({ client, store });
    store.stalled = new Promise(() => undefined); // never answers
    const { body, headers } = delivery("rtc_stuck");
    const waiting = r.deliver(body, headers);
    await new Promise((resolve) => setImmediate(resolve));
    await r.drain({ deadlineMs: 50 });
    expect((await waiting).status).toBe(503);
    expect(sent).toEqual([]);
  });

  it("hangs the call up when the refer after the bridge accept fails", async () => {
    const { client, sent } = api((path) => (path.endsWith("/refer") ? 400 : 200));
    const logs: LogRecord[] = [];
    const r = router({ client, logs, routes: [{ action: "refer", targetUri: "tel:+14155550100" }] });
    const { body, headers } = delivery("rtc_refer");
    expect((await r.deliver(body, headers)).status).toBe(202);
    await r.drain();
    expect(sent).toEqual(["/v1/realtime/calls/rtc_refer/accept", "/v1/realtime/calls/rtc_refer/refer", "/v1/realtime/calls/rtc_refer/hangup"]);
    expect(logs.find((l) => l.event === "decision")).toMatchObject({ action: "refer", outcome: "failed", fallback: "hangup", fallbackOutcome: "ok" });
  });
});
