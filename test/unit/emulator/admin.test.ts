import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { redactJson, redactText } from "../../../src/emulator/redact";
import { admin, apiError, incomingCall, origin, post, start, type TestResponse } from "./helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await admin(emulator, "POST", "reset");
});

describe("GET /_emulator/requests", () => {
  it("records method, path, status, latency and the body with secrets redacted", async () => {
    await post(emulator, "/realtime/client_secrets", {
      key: "sk-secret-key",
      body: { session: { type: "realtime", instructions: "Use sk-leaked-1 and ek_abc and whsec_c2VjcmV0 wisely." } },
    });
    await post(emulator, "/realtime/sessions", { body: { client_secret: { value: "anything", expires_at: 1 } } });
    const { status, json } = await admin(emulator, "GET", "requests");
    expect(status).toBe(200);
    expect(json.requests).toHaveLength(2);
    const [first, second] = json.requests;
    expect(first).toEqual({
      id: expect.stringMatching(/^req_/),
      method: "POST",
      path: "/v1/realtime/client_secrets",
      status: 200,
      latency_ms: expect.any(Number),
      delayed_ms: 0,
      fault: null,
      content_type: "application/json",
      body: { session: { type: "realtime", instructions: "Use [redacted] and [redacted] and [redacted] wisely." } },
    });
    expect(second.body).toEqual({ client_secret: { value: "[redacted]", expires_at: 1 } });
    expect(JSON.stringify(json)).not.toContain("sk-secret-key");
  });

  it("records error responses and malformed bodies as text", async () => {
    await post(emulator, "/realtime/client_secrets", { raw: "{not json sk-zzz" });
    const { json } = await admin(emulator, "GET", "requests");
    expect(json.requests[0]).toMatchObject({ status: 400, body: "{not json [redacted]" });
  });

  it("does not record admin requests", async () => {
    await admin(emulator, "GET", "stats");
    expect((await admin(emulator, "GET", "requests")).json.requests).toEqual([]);
  });
});

describe("GET /_emulator/stats", () => {
  it("counts API requests per method and path template", async () => {
    const a = await incomingCall(emulator);
    const b = await incomingCall(emulator);
    await post(emulator, `/realtime/calls/${a}/hangup`);
    await post(emulator, `/realtime/calls/${b}/hangup`);
    await post(emulator, "/realtime/client_secrets");
    await post(emulator, "/realtime/unknown");
    expect((await admin(emulator, "GET", "stats")).json).toEqual({
      requests: {
        "POST /v1/realtime/calls/{call_id}/hangup": 2,
        "POST /v1/realtime/client_secrets": 1,
        "POST /v1/realtime/unknown": 1,
      },
      faults: 0,
    });
  });
});

describe("POST /_emulator/reset", () => {
  it("clears calls, secrets, recorded requests and stats", async () => {
    const id = await incomingCall(emulator);
    const { value } = await (await post(emulator, "/realtime/client_secrets")).json();
    expect(await admin(emulator, "POST", "reset")).toEqual({ status: 200, json: { ok: true } });
    expect((await admin(emulator, "GET", "calls/" + id)).status).toBe(404);
    const call = await fetch(`${emulator.url}/realtime/calls`, {
      method: "POST",
      headers: { authorization: `Bearer ${value}`, "content-type": "application/sdp" },
      body: "v=0",
    });
    expect(call.status).toBe(401);
    await admin(emulator, "POST", "reset");
    expect((await admin(emulator, "GET", "stats")).json).toEqual({ requests: {}, faults: 0 });
    expect((await admin(emulator, "GET", "requests")).json).toEqual({ requests: [] });
  });
});

describe("SIP calls", () => {
  it("creates an incoming call from a header list or map", async () => {
    const created = await admin(emulator, "POST", "calls/incoming", { sip_headers: { To: "sip:+14155550123@sip.example" } });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ call_id: expect.stringMatching(/^rtc_[0-9a-f]{32}$/) });
    expect((await admin(emulator, "GET", `calls/${created.json.call_id}`)).json.status).toBe("incoming");
  });

  it("validates sip_headers", async () => {
    expect(await admin(emulator, "POST", "calls/incoming", { sip_headers: [{ name: "To" }] })).toEqual({
      status: 400,
      json: apiError(
        'Invalid \'sip_headers.0\': expected {"name": string, "value": string}.',
        "invalid_request_error",
        "sip_headers.0",
        "invalid_type",
      ),
    });
    expect((await admin(emulator, "POST", "calls/incoming", { headers: [] })).json.error.code).toBe("unknown_parameter");
  });

  it("answers 404 for an unknown call and an unknown admin route", async () => {
    expect(await admin(emulator, "GET", "calls/rtc_missing")).toEqual({
      status: 404,
      json: apiError("No call found with id 'rtc_missing'.", "invalid_request_error", "call_id", "not_found"),
    });
    const unknown = (await fetch(`${origin(emulator)}/_emulator/nothing`)) as TestResponse;
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(apiError("Invalid URL (GET /_emulator/nothing)", "invalid_request_error", null, null));
  });
});

describe("redaction", () => {
  it("removes keys, client secrets and webhook secrets from text", () => {
    expect(redactText("Bearer sk-proj-abc_123 ek_68af whsec_YWJj== plain")).toBe("Bearer [redacted] [redacted] [redacted] plain");
  });

  it("removes every string under credential-named fields", () => {
    expect(redactJson({ Authorization: "x", api_key: "y", nested: [{ secret: { a: "b" } }], n: 1 })).toEqual({
      Authorization: "[redacted]",
      api_key: "[redacted]",
      nested: [{ secret: { a: "[redacted]" } }],
      n: 1,
    });
  });
});
