import { describe, expect, it } from "vitest";
import {
  RealtimeClient,
  WebhookVerificationError,
  signWebhook,
  verifyWebhookSignature,
  type WebhookVerificationReason,
} from "../../../src/client";
import { STANDARD_WEBHOOKS_EXAMPLE_SECRET, testWebhookSecret } from "../../helpers/webhook-secrets";

// The published Standard Webhooks example: an independent known answer, not our own output.
const VECTOR = {
  secret: STANDARD_WEBHOOKS_EXAMPLE_SECRET,
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const AT = new Date(VECTOR.timestamp * 1000);
const OTHER_SECRET = testWebhookSecret("second-secret-for-rotation");

function vectorHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    "webhook-id": VECTOR.id,
    "webhook-timestamp": String(VECTOR.timestamp),
    "webhook-signature": VECTOR.signature,
    ...overrides,
  };
}

function failure(run: () => unknown): { reason: WebhookVerificationReason; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(WebhookVerificationError);
    const err = e as WebhookVerificationError;
    return { reason: err.reason, message: err.message };
  }
  throw new Error("expected a WebhookVerificationError");
}

describe("signWebhook", () => {
  it("reproduces the Standard Webhooks example signature", () => {
    expect(signWebhook({ id: VECTOR.id, timestamp: VECTOR.timestamp, body: VECTOR.body, secret: VECTOR.secret })).toEqual({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": "1614265330",
      "webhook-signature": VECTOR.signature,
    });
  });

  it("signs with each secret while rotating, space-separated", () => {
    const headers = signWebhook({ id: "evt_1", timestamp: 1, body: "{}", secret: [VECTOR.secret, OTHER_SECRET] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
  });

  it("signs bytes and text alike", () => {
    const text = signWebhook({ id: "evt_1", timestamp: 1, body: "héllo", secret: VECTOR.secret });
    const bytes = signWebhook({ id: "evt_1", timestamp: 1, body: Buffer.from("héllo"), secret: VECTOR.secret });
    expect(bytes).toEqual(text);
  });
});

describe("verifyWebhookSignature", () => {
  it("accepts the valid example", () => {
    expect(() =>
      verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret: VECTOR.secret, now: AT }),
    ).not.toThrow();
  });

  it("accepts fetch Headers and array-valued Node headers", () => {
    expect(() =>
      verifyWebhookSignature({ body: VECTOR.body, headers: new Headers(vectorHeaders() as Record<string, string>), secret: VECTOR.secret, now: AT }),
    ).not.toThrow();
    const nodeStyle = { ...vectorHeaders(), "Webhook-Signature": ["v1,AAAA", VECTOR.signature], "webhook-signature": undefined };
    expect(() => verifyWebhookSignature({ body: VECTOR.body, headers: nodeStyle, secret: VECTOR.secret, now: AT })).not.toThrow();
  });

  it("refuses a tampered body", () => {
    expect(
      failure(() =>
        verifyWebhookSignature({ body: '{"test": 2432232315}', headers: vectorHeaders(), secret: VECTOR.secret, now: AT }),
      ),
    ).toEqual({ reason: "no_matching_signature", message: "No webhook-signature entry matches the body (checked 1 v1 entry)" });
  });

  it("refuses a tampered id or timestamp (both are signed)", () => {
    const id = failure(() =>
      verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders({ "webhook-id": "msg_other" }), secret: VECTOR.secret, now: AT }),
    );
    expect(id.reason).toBe("no_matching_signature");
    const ts = failure(() =>
      verifyWebhookSignature({
        body: VECTOR.body,
        headers: vectorHeaders({ "webhook-timestamp": String(VECTOR.timestamp + 1) }),
        secret: VECTOR.secret,
        now: AT,
      }),
    );
    expect(ts.reason).toBe("no_matching_signature");
  });

  it("refuses a wrong secret without echoing either secret", () => {
    const f = failure(() => verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret: OTHER_SECRET, now: AT }));
    expect(f.reason).toBe("no_matching_signature");
    expect(f.message).not.toContain(OTHER_SECRET.slice(6));
    expect(f.message).not.toContain(VECTOR.secret.slice(6));
  });

  it("accepts a stale-by-300 s delivery and refuses 301 s", () => {
    const late = new Date(AT.getTime() + 300_000);
    expect(() => verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret: VECTOR.secret, now: late })).not.toThrow();
    expect(
      failure(() =>
        verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret: VECTOR.secret, now: new Date(AT.getTime() + 301_000) }),
      ),
    ).toEqual({ reason: "timestamp_too_old", message: "Webhook timestamp is too old: 301 s before now (tolerance 300 s)" });
  });

  it("refuses a timestamp from the future beyond tolerance", () => {
    expect(
      failure(() =>
        verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret: VECTOR.secret, now: new Date(AT.getTime() - 301_000) }),
      ),
    ).toEqual({ reason: "timestamp_too_new", message: "Webhook timestamp is too new: 301 s after now (tolerance 300 s)" });
  });

  it("honours a custom tolerance", () => {
    const f = failure(() =>
      verifyWebhookSignature({
        body: VECTOR.body,
        headers: vectorHeaders(),
        secret: VECTOR.secret,
        tolerance: 10,
        now: new Date(AT.getTime() + 11_000),
      }),
    );
    expect(f.message).toBe("Webhook timestamp is too old: 11 s before now (tolerance 10 s)");
  });

  it("rotation: a header with old and new signatures verifies with either secret", () => {
    const body = '{"type":"realtime.call.incoming"}';
    const headers = signWebhook({ id: "evt_1", timestamp: VECTOR.timestamp, body, secret: [VECTOR.secret, OTHER_SECRET] });
    for (const secret of [VECTOR.secret, OTHER_SECRET]) {
      expect(() => verifyWebhookSignature({ body, headers, secret, now: AT })).not.toThrow();
    }
    const third = testWebhookSecret("third-secret");
    expect(failure(() => verifyWebhookSignature({ body, headers, secret: third, now: AT }))).toEqual({
      reason: "no_matching_signature",
      message: "No webhook-signature entry matches the body (checked 2 v1 entries)",
    });
    // A receiver mid-rotation may hold both secrets.
    const newOnly = signWebhook({ id: "evt_1", timestamp: VECTOR.timestamp, body, secret: OTHER_SECRET });
    expect(() => verifyWebhookSignature({ body, headers: newOnly, secret: [VECTOR.secret, OTHER_SECRET], now: AT })).not.toThrow();
  });

  it("ignores entries of other versions and malformed entries", () => {
    const headers = vectorHeaders({ "webhook-signature": `v1a,${VECTOR.signature.slice(3)} v1,!!! ${VECTOR.signature}` });
    expect(() => verifyWebhookSignature({ body: VECTOR.body, headers, secret: VECTOR.secret, now: AT })).not.toThrow();
    const onlyV1a = vectorHeaders({ "webhook-signature": `v1a,${VECTOR.signature.slice(3)}` });
    expect(failure(() => verifyWebhookSignature({ body: VECTOR.body, headers: onlyV1a, secret: VECTOR.secret, now: AT }))).toEqual({
      reason: "no_matching_signature",
      message: "No webhook-signature entry matches the body (checked 0 v1 entries)",
    });
  });

  for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    it(`refuses a missing ${name} header`, () => {
      expect(
        failure(() => verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders({ [name]: undefined }), secret: VECTOR.secret, now: AT })),
      ).toEqual({ reason: "missing_header", message: `Missing ${name} header` });
    });
  }

  it("refuses a non-numeric timestamp", () => {
    expect(
      failure(() =>
        verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders({ "webhook-timestamp": "yesterday" }), secret: VECTOR.secret, now: AT }),
      ),
    ).toEqual({ reason: "invalid_timestamp", message: "Invalid webhook-timestamp header: expected unix seconds" });
  });

  for (const secret of ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not base64!", "whsec_A"]) {
    it(`refuses the malformed secret ${JSON.stringify(secret.slice(0, 8))}... without echoing it`, () => {
      const f = failure(() => verifyWebhookSignature({ body: VECTOR.body, headers: vectorHeaders(), secret, now: AT }));
      expect(f).toEqual({ reason: "invalid_secret", message: "Webhook secret must be whsec_ followed by a base64 key" });
    });
  }
});

describe("client.webhooks", () => {
  const event = {
    id: "evt_abc123",
    object: "event",
    type: "realtime.call.incoming",
    created_at: 1719168000,
    data: { call_id: "rtc_479a", sip_headers: [{ name: "To", value: "sip:+14155550123@sip.example.com" }] },
  };

  it("unwrap verifies and returns the event, with the secret from OPENAI_WEBHOOK_SECRET", async () => {
    const body = JSON.stringify(event);
    const headers = signWebhook({ id: "evt_abc123", body, secret: VECTOR.secret });
    const previous = process.env["OPENAI_WEBHOOK_SECRET"];
    process.env["OPENAI_WEBHOOK_SECRET"] = VECTOR.secret;
    try {
      const client = new RealtimeClient({ apiKey: "sk-test" });
      await expect(client.webhooks.unwrap(body, headers)).resolves.toEqual(event);
      await expect(client.webhooks.verifySignature(body, headers)).resolves.toBeUndefined();
      await client.close();
    } finally {
      if (previous === undefined) delete process.env["OPENAI_WEBHOOK_SECRET"];
      else process.env["OPENAI_WEBHOOK_SECRET"] = previous;
    }
  });

  it("unwrap with an explicit secret beats the client's", async () => {
    const body = JSON.stringify(event);
    const headers = signWebhook({ id: "evt_abc123", body, secret: OTHER_SECRET });
    const client = new RealtimeClient({ apiKey: "sk-test", webhookSecret: VECTOR.secret });
    await expect(client.webhooks.unwrap(body, headers)).rejects.toMatchObject({ reason: "no_matching_signature" });
    await expect(client.webhooks.unwrap(body, headers, OTHER_SECRET)).resolves.toEqual(event);
    await client.close();
  });

  it("unwrap without any secret says how to give one", async () => {
    const previous = process.env["OPENAI_WEBHOOK_SECRET"];
    delete process.env["OPENAI_WEBHOOK_SECRET"];
    try {
      const client = new RealtimeClient({ apiKey: "sk-test" });
      await expect(client.webhooks.unwrap("{}", {})).rejects.toMatchObject({
        reason: "missing_secret",
        message: "Missing webhook secret: pass it, set webhookSecret on the client, or set OPENAI_WEBHOOK_SECRET",
      });
      await client.close();
    } finally {
      if (previous !== undefined) process.env["OPENAI_WEBHOOK_SECRET"] = previous;
    }
  });

  it("a signed body that is not JSON is an invalid_payload", async () => {
    const headers = signWebhook({ id: "evt_1", body: "not json", secret: VECTOR.secret });
    const client = new RealtimeClient({ apiKey: "sk-test", webhookSecret: VECTOR.secret });
    await expect(client.webhooks.unwrap("not json", headers)).rejects.toMatchObject({
      reason: "invalid_payload",
      message: "Webhook body is not valid JSON",
    });
    await client.close();
  });
});
