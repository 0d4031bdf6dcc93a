import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { WebhookSender } from "../../../src/emulator/webhook-sender";
import { validate, WebhookRealtimeCallIncoming } from "../../../src/schemas";
import { admin, start, TestClock } from "./helpers";
import { testWebhookSecret } from "../../helpers/webhook-secrets";

const SECRET = testWebhookSecret("emulator-test-secret");

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver answering with the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; deliveries: Delivery[]; next(): Promise<Delivery>; server: Server }> {
  const deliveries: Delivery[] = [];
  const waiting: Array<(d: Delivery) => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const delivery = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      const status = statuses[Math.min(deliveries.length, statuses.length - 1)]!;
      deliveries.push(delivery);
      res.writeHead(status).end();
      waiting.shift()?.(delivery);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let seen = 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    server,
    next: () => {
      const index = seen++;
      return index < deliveries.length ? Promise.resolve(deliveries[index]!) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** Standard Webhooks v1 verification, written independently of the code under test. */
function signatureValid(delivery: Delivery, secret: string): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const id = delivery.headers["webhook-id"];
  const timestamp = delivery.headers["webhook-timestamp"];
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${delivery.body}`).digest("base64");
  return String(delivery.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});

async function emulatorFor(url: string, options: { retryDelays?: number[]; clock?: TestClock } = {}): Promise<RunningEmulator> {
  const emulator = await start({
    webhookUrl: url,
    webhookSecret: SECRET,
    webhookRetryDelaysMs: options.retryDelays ?? [10],
    ...(options.clock === undefined ? {} : { now: options.clock.now }),
  });
  cleanup.push(() => emulator.close());
  return emulator;
}

describe("realtime.call.incoming webhooks", () => {
  it("delivers a signed event shaped like WebhookRealtimeCallIncoming", async () => {
    const hooks = await receiver([200]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    const clock = new TestClock();
    const emulator = await emulatorFor(hooks.url, { clock });
    const sipHeaders = [
      { name: "From", value: "sip:+14155550100@example.com" },
      { name: "To", value: "sip:+14155550123@sip.example" },
    ];
    const { json } = await admin(emulator, "POST", "calls/incoming", { sip_headers: sipHeaders });
    const delivery = await hooks.next();
    expect(signatureValid(delivery, SECRET)).toBe(true);
    expect(signatureValid(delivery, testWebhookSecret("other"))).toBe(false);
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["webhook-id"]).toMatch(/^wh_/);
    expect(delivery.headers["webhook-timestamp"]).toBe(String(clock.seconds));
    const event = JSON.parse(delivery.body);
    expect(event).toEqual({
      object: "event",
      id: expect.stringMatching(/^evt_/),
      type: "realtime.call.incoming",
      created_at: clock.seconds,
      data: { call_id: json.call_id, sip_headers: sipHeaders },
    });
    expect(validate(WebhookRealtimeCallIncoming, event).ok).toBe(true);
  });

  it("retries after a 500 with the same webhook-id and a valid signature", async () => {
    const hooks = await receiver([500, 200]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    const emulator = await emulatorFor(hooks.url);
    await admin(emulator, "POST", "calls/incoming", {});
    const first = await hooks.next();
    const second = await hooks.next();
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.body).toBe(first.body);
    expect(signatureValid(second, SECRET)).toBe(true);
  });

  it("gives up after the bounded number of attempts", async () => {
    const hooks = await receiver([503]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    const sender = new WebhookSender({ url: hooks.url, secret: SECRET, retryDelaysMs: [1, 1] }, Date.now);
    cleanup.push(() => sender.close());
    expect(await sender.deliver({ type: "test" })).toEqual({ delivered: false, attempts: 3, lastStatus: 503 });
    expect(hooks.deliveries).toHaveLength(3);
  });

  it("reports a connection error as a failed attempt with no status", async () => {
    const hooks = await receiver([200]);
    await new Promise((r) => hooks.server.close(r));
    const sender = new WebhookSender({ url: hooks.url, secret: SECRET, retryDelaysMs: [1] }, Date.now);
    cleanup.push(() => sender.close());
    expect(await sender.deliver({ type: "test" })).toEqual({ delivered: false, attempts: 2, lastStatus: null });
  });

  it("keeps working when the receiver is unreachable", async () => {
    const hooks = await receiver([200]);
    const deadUrl = hooks.url;
    await new Promise((r) => hooks.server.close(r));
    const emulator = await emulatorFor(deadUrl, { retryDelays: [1] });
    const { status, json } = await admin(emulator, "POST", "calls/incoming", {});
    expect(status).toBe(200);
    expect((await admin(emulator, "GET", `calls/${json.call_id}`)).json.status).toBe("incoming");
  });

  it("creates calls without delivering when no webhook is configured", async () => {
    const deliver = vi.spyOn(WebhookSender.prototype, "deliver");
    cleanup.push(async () => deliver.mockRestore());
    const emulator = await start();
    cleanup.push(() => emulator.close());
    const { status, json } = await admin(emulator, "POST", "calls/incoming", {});
    expect(status).toBe(200);
    expect((await admin(emulator, "GET", `calls/${json.call_id}`)).json.status).toBe("incoming");
    expect(deliver).not.toHaveBeenCalled();
  });

  it("stops retrying a delivery once POST /_emulator/reset is called", async () => {
    const hooks = await receiver([500]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    // Long enough that the retry is still pending when the reset arrives.
    const emulator = await emulatorFor(hooks.url, { retryDelays: [300, 300] });
    await admin(emulator, "POST", "calls/incoming", {});
    await hooks.next();
    expect((await admin(emulator, "POST", "reset")).status).toBe(200);
    // Past both retry delays: a retry that survived the reset would be here by now.
    await new Promise((r) => setTimeout(r, 900));
    expect(hooks.deliveries).toHaveLength(1);
  });

  it("keeps retrying without a reset (the control for the test above)", async () => {
    const hooks = await receiver([500, 200]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    const emulator = await emulatorFor(hooks.url, { retryDelays: [300] });
    await admin(emulator, "POST", "calls/incoming", {});
    await hooks.next();
    await hooks.next();
    expect(hooks.deliveries).toHaveLength(2);
  });
});

describe("the official openai SDK", () => {
  it("accepts the emulator's webhook with webhooks.unwrap", async () => {
    const hooks = await receiver([200]);
    cleanup.push(() => new Promise((r) => hooks.server.close(r)));
    // The SDK checks the timestamp against the real clock (5 minutes' tolerance).
    const emulator = await emulatorFor(hooks.url);
    const sipHeaders = [{ name: "From", value: "sip:+14155550100@example.com" }];
    const { json } = await admin(emulator, "POST", "calls/incoming", { sip_headers: sipHeaders });
    const delivery = await hooks.next();
    const client = new OpenAI({ apiKey: "sk-unused", baseURL: "http://127.0.0.1:9/v1", webhookSecret: SECRET });
    const headers = delivery.headers as Record<string, string>;
    const event = await client.webhooks.unwrap(delivery.body, headers);
    expect(event.type).toBe("realtime.call.incoming");
    expect(event.data).toEqual({ call_id: json.call_id, sip_headers: sipHeaders });
    const other = testWebhookSecret("another-secret");
    await expect(client.webhooks.unwrap(delivery.body, headers, other)).rejects.toThrow(/signature/i);
    await expect(client.webhooks.unwrap(`${delivery.body} `, headers)).rejects.toThrow(/signature/i);
  });
});
