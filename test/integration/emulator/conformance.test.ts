// The official `openai` SDK and our own RealtimeClient, pointed at the emulator: every endpoint
// answers in a shape both accept, and every response validates against our response schemas.
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RealtimeClient } from "../../../src/client";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import {
  RealtimeCreateClientSecretResponse,
  RealtimeSessionCreateResponse,
  RealtimeTranscriptionSessionCreateResponse,
  RealtimeTranslationClientSecretCreateResponse,
  validate,
} from "../../../src/schemas";
import { SecretScan } from "../../helpers/secrets";

const KEY = "sk-conformance";

const OFFER = [
  "v=0",
  "o=- 1 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "a=mid:0",
  "a=setup:actpass",
  "a=rtpmap:111 opus/48000/2",
  "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
  "a=mid:1",
  "",
].join("\r\n");

let emulator: RunningEmulator;
let admin: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiKey: KEY });
  admin = emulator.url.replace(/\/v1$/, "/_emulator");
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await fetch(`${admin}/reset`, { method: "POST" });
});

async function incomingCall(): Promise<string> {
  const response = await fetch(`${admin}/calls/incoming`, { method: "POST", body: "{}" });
  return ((await response.json()) as { call_id: string }).call_id;
}

async function callState(id: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${admin}/calls/${id}`)).json()) as Record<string, unknown>;
}

function expectValid(schema: Parameters<typeof validate>[0], value: unknown): void {
  const result = validate(schema, value);
  expect(result.ok ? [] : result.issues).toEqual([]);
}

describe("official openai SDK", () => {
  let client: OpenAI;
  beforeAll(() => {
    client = new OpenAI({ apiKey: KEY, baseURL: emulator.url, maxRetries: 0 });
  });

  it("realtime.clientSecrets.create", async () => {
    const secret = await client.realtime.clientSecrets.create({
      expires_after: { anchor: "created_at", seconds: 600 },
      session: { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly assistant." },
    });
    expect(secret.value).toMatch(/^ek_/);
    expectValid(RealtimeCreateClientSecretResponse, secret);
    const transcription = await client.realtime.clientSecrets.create({ session: { type: "transcription" } });
    expect(transcription.session.type).toBe("transcription");
    expectValid(RealtimeCreateClientSecretResponse, transcription);
    expectValid(RealtimeCreateClientSecretResponse, await client.realtime.clientSecrets.create({}));
  });

  it("realtime.translations.clientSecrets.create", async () => {
    const secret = await client.realtime.translations.clientSecrets.create({
      session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
    });
    expectValid(RealtimeTranslationClientSecretCreateResponse, secret);
  });

  it("beta.realtime.sessions and transcriptionSessions", async () => {
    const session = await client.beta.realtime.sessions.create({ model: "gpt-4o-realtime-preview", modalities: ["audio", "text"] });
    expect(session.client_secret.value).toMatch(/^ek_/);
    expectValid(RealtimeSessionCreateResponse, session);
    const transcription = await client.beta.realtime.transcriptionSessions.create({});
    expectValid(RealtimeTranscriptionSessionCreateResponse, transcription);
  });

  it("realtime.calls.create with an API key and with an ek_ secret", async () => {
    const response = await client.realtime.calls.create({ sdp: OFFER, session: { type: "realtime", model: "gpt-realtime" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toMatch(/^\/v1\/realtime\/calls\/rtc_/);
    expect((await response.text()).startsWith("v=0\r\n")).toBe(true);

    const secret = await client.realtime.clientSecrets.create({ session: { type: "realtime" } });
    const browser = new OpenAI({ apiKey: secret.value, baseURL: emulator.url, maxRetries: 0 });
    const viaSecret = await browser.realtime.calls.create({ sdp: OFFER });
    expect(viaSecret.status).toBe(201);

    // Both credentials went over the wire; neither may be in the request log.
    const scan = new SecretScan().watch(KEY, "API key").watch(secret.value, "minted ek_ token");
    scan.check("emulator request log", await (await fetch(`${admin}/requests`)).text());
    scan.assertClean();
  });

  it("realtime.calls.accept, refer and hangup", async () => {
    const id = await incomingCall();
    await client.realtime.calls.accept(id, { type: "realtime", model: "gpt-realtime", instructions: "You are Alex." });
    await client.realtime.calls.refer(id, { target_uri: "tel:+14155550123" });
    expect(await callState(id)).toMatchObject({ status: "referred", refer_target: "tel:+14155550123" });
    await client.realtime.calls.hangup(id);
    expect((await callState(id))["status"]).toBe("ended");
  });

  it("realtime.calls.reject", async () => {
    const id = await incomingCall();
    await client.realtime.calls.reject(id, { status_code: 486 });
    expect(await callState(id)).toMatchObject({ status: "rejected", reject_status_code: 486 });
  });

  it("maps emulator errors onto the SDK's error classes", async () => {
    const bad = await client.realtime.clientSecrets
      .create({ expires_after: { anchor: "created_at", seconds: 5 } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ status: 400, param: "expires_after.seconds", code: "integer_below_min_value", type: "invalid_request_error" });
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).requestID).toMatch(/^req_/);

    const wrongKey = new OpenAI({ apiKey: "sk-wrong", baseURL: emulator.url, maxRetries: 0 });
    await expect(wrongKey.realtime.clientSecrets.create({})).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.realtime.calls.hangup("rtc_missing")).rejects.toBeInstanceOf(OpenAI.NotFoundError);

    const id = await incomingCall();
    const illegal = await client.realtime.calls.refer(id, { target_uri: "tel:+1" }).catch((e: unknown) => e);
    expect(illegal).toBeInstanceOf(OpenAI.BadRequestError);
    expect(illegal).toMatchObject({ code: "invalid_call_state" });

    await fetch(`${admin}/faults`, { method: "POST", body: JSON.stringify({ count: 1, retryAfterSeconds: 3 }) });
    const limited = await client.realtime.clientSecrets.create({}).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("3");
  });

  it("lets the SDK's retry ride out an injected 503", async () => {
    await fetch(`${admin}/faults`, { method: "POST", body: JSON.stringify({ count: 1, statuses: [503] }) });
    const retrying = new OpenAI({ apiKey: KEY, baseURL: emulator.url, maxRetries: 1 });
    expectValid(RealtimeCreateClientSecretResponse, await retrying.realtime.clientSecrets.create({}));
    const stats = (await (await fetch(`${admin}/stats`)).json()) as { requests: Record<string, number>; faults: number };
    expect(stats).toEqual({ requests: { "POST /v1/realtime/client_secrets": 2 }, faults: 1 });
  });
});

describe("our RealtimeClient", () => {
  let client: RealtimeClient;
  beforeAll(() => {
    client = new RealtimeClient({ apiKey: KEY, baseURL: emulator.url, maxRetries: 0 });
  });

  it("creates client secrets, sessions and translation secrets", async () => {
    expectValid(
      RealtimeCreateClientSecretResponse,
      await client.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } }),
    );
    expectValid(RealtimeSessionCreateResponse, await client.sessions.create({ model: "gpt-realtime" }));
    expectValid(RealtimeTranscriptionSessionCreateResponse, await client.transcriptionSessions.create({}));
    expectValid(
      RealtimeTranslationClientSecretCreateResponse,
      await client.translations.clientSecrets.create({ session: { model: "gpt-realtime-translate" } }),
    );
  });

  it("creates a WebRTC call and drives a SIP call through its states", async () => {
    const created = await client.calls.create({ sdp: OFFER, session: { type: "realtime" } });
    expect(created.callId).toMatch(/^rtc_/);
    expect(created.sdpAnswer.startsWith("v=0\r\n")).toBe(true);
    await client.calls.hangup(created.callId);

    const id = await incomingCall();
    await client.calls.accept(id, { type: "realtime", instructions: "Hi." });
    await client.calls.refer(id, { target_uri: "sip:agent@example.com" });
    await client.calls.hangup(id);
    expect((await callState(id))["status"]).toBe("ended");
    const rejected = await incomingCall();
    await client.calls.reject(rejected);
    expect((await callState(rejected))["reject_status_code"]).toBe(603);
  });
});
