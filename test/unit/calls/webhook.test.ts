import type { IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isCallIncoming, signWebhook, verifyWebhook, WebhookVerificationError } from "../../../src/calls";
import { responseExamples } from "../schemas/fixtures";
import { STANDARD_WEBHOOKS_EXAMPLE_SECRET, testWebhookSecret } from "../../helpers/webhook-secrets";

// Test-only secrets: the Standard Webhooks example key, and a made-up one.
const SECRET = STANDARD_WEBHOOKS_EXAMPLE_SECRET;
const OLD_SECRET = testWebhookSecret("old-secret-before-rotation");
const NOW = new Date("2025-06-01T12:00:00Z");
const TS = Math.floor(NOW.getTime() / 1000);

// The reference's own `realtime.call.incoming` example.
const incoming = { object: "event", ...responseExamples.callIncoming };

function signed(event: object, secret: string | string[] = SECRET, timestamp = TS) {
  const body = JSON.stringify(event);
  return { body, headers: signWebhook({ id: "evt_abc123", timestamp, body, secret }) };
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(WebhookVerificationError);
    return (e as WebhookVerificationError).reason;
  }
  throw new Error("expected a WebhookVerificationError");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("verifyWebhook", () => {
  it("returns a valid realtime.call.incoming event", () => {
    const { body, headers } = signed(incoming);
    const event = verifyWebhook(body, headers, SECRET, { now: NOW });
    expect(event).toEqual(incoming);
    expect(isCallIncoming(event)).toBe(true);
    if (isCallIncoming(event)) expect(event.data.call_id).toBe("rtc_479a275623b54bdb9b6fbae2f7cbd408");
  });

  it("takes Node's IncomingHttpHeaders and raw body bytes as a server receives them", () => {
    const { body, headers } = signed(incoming);
    const nodeHeaders: IncomingHttpHeaders = { ...headers, "content-type": "application/json" };
    expect(verifyWebhook(Buffer.from(body), nodeHeaders, SECRET, { now: NOW }).id).toBe("evt_abc123");
  });

  it("reads the secret from OPENAI_WEBHOOK_SECRET", () => {
    vi.stubEnv("OPENAI_WEBHOOK_SECRET", SECRET);
    const { body, headers } = signed(incoming);
    expect(verifyWebhook(body, headers, undefined, { now: NOW }).id).toBe("evt_abc123");
  });

  it("without a secret anywhere, says where to put it", () => {
    vi.stubEnv("OPENAI_WEBHOOK_SECRET", "");
    const { body, headers } = signed(incoming);
    expect(() => verifyWebhook(body, headers)).toThrow(
      new WebhookVerificationError("missing_secret", "Missing webhook secret: pass it or set OPENAI_WEBHOOK_SECRET"),
    );
  });

  it("tolerates unknown event types and keeps unknown fields", () => {
    const future = { id: "evt_2", object: "event", type: "realtime.call.transferred", created_at: 1, data: { call_id: "rtc_1", extra: [1] }, new_top: "x" };
    const { body, headers } = signed(future);
    const event = verifyWebhook(body, headers, SECRET, { now: NOW });
    expect(event).toEqual(future);
    expect(isCallIncoming(event)).toBe(false);
  });

  it("refuses a tampered body", () => {
    const { body, headers } = signed(incoming);
    const tampered = body.replace("rtc_479a", "rtc_evil");
    expect(reasonOf(() => verifyWebhook(tampered, headers, SECRET, { now: NOW }))).toBe("no_matching_signature");
  });

  it("refuses stale and future deliveries", () => {
    const stale = signed(incoming, SECRET, TS - 301);
    expect(reasonOf(() => verifyWebhook(stale.body, stale.headers, SECRET, { now: NOW }))).toBe("timestamp_too_old");
    const future = signed(incoming, SECRET, TS + 301);
    expect(reasonOf(() => verifyWebhook(future.body, future.headers, SECRET, { now: NOW }))).toBe("timestamp_too_new");
  });

  it("accepts a delivery signed with old and new secrets during rotation", () => {
    const { body, headers } = signed(incoming, [OLD_SECRET, SECRET]);
    expect(verifyWebhook(body, headers, SECRET, { now: NOW }).type).toBe("realtime.call.incoming");
    expect(verifyWebhook(body, headers, OLD_SECRET, { now: NOW }).type).toBe("realtime.call.incoming");
  });

  it("refuses a wrong secret and missing headers", () => {
    const { body, headers } = signed(incoming, OLD_SECRET);
    expect(reasonOf(() => verifyWebhook(body, headers, SECRET, { now: NOW }))).toBe("no_matching_signature");
    expect(reasonOf(() => verifyWebhook(body, {}, SECRET, { now: NOW }))).toBe("missing_header");
  });

  it("a signed body that is not an event is an invalid_payload naming the field", () => {
    const { body, headers } = signed({ id: "evt_3", type: "x", created_at: 1 });
    expect(() => verifyWebhook(body, headers, SECRET, { now: NOW })).toThrow(
      new WebhookVerificationError(
        "invalid_payload",
        "Webhook body is not a valid event: Missing required parameter: 'data'.",
      ),
    );
  });
});

describe("isCallIncoming", () => {
  it("is false for a realtime.call.incoming event missing its call id", () => {
    const { body, headers } = signed({ ...incoming, data: { sip_headers: [] } });
    const event = verifyWebhook(body, headers, SECRET, { now: NOW });
    expect(isCallIncoming(event)).toBe(false);
  });
});
