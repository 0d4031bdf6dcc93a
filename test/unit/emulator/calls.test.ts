import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { nextCallStatus, type CallAction, type CallStatus } from "../../../src/emulator/call-state";
import { admin, apiError, incomingCall, KEY, post, SDP_OFFER, start, TestClock, type TestResponse } from "./helpers";

const clock = new TestClock();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
afterAll(() => emulator.close());
// Tests that expire secrets move the clock; each test starts from the same time.
beforeEach(() => clock.reset());

function multipart(fields: Record<string, { value: string; type: string }>): FormData {
  const form = new FormData();
  for (const [name, { value, type }] of Object.entries(fields)) form.append(name, new Blob([value], { type }), "");
  return form;
}

function createCall(body: FormData | string, key = KEY): Promise<TestResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (typeof body === "string") headers["content-type"] = "application/sdp";
  return fetch(`${emulator.url}/realtime/calls`, { method: "POST", headers, body }) as Promise<TestResponse>;
}

async function mintSecret(seconds = 60): Promise<{ value: string; session: { id: string } }> {
  const response = await post(emulator, "/realtime/client_secrets", {
    body: { expires_after: { anchor: "created_at", seconds }, session: { type: "realtime", instructions: "From the secret." } },
  });
  return response.json();
}

async function callStatus(id: string): Promise<any> {
  return (await admin(emulator, "GET", `calls/${id}`)).json;
}

describe("POST /v1/realtime/calls", () => {
  it("answers a multipart offer with 201, an SDP answer and the call's Location", async () => {
    const response = await createCall(
      multipart({
        sdp: { value: SDP_OFFER, type: "application/sdp" },
        session: { value: JSON.stringify({ type: "realtime", instructions: "Say hi." }), type: "application/json" },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/sdp");
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/v1\/realtime\/calls\/rtc_[0-9a-f]{32}$/);
    const answer = await response.text();
    expect(answer.startsWith("v=0\r\no=- ")).toBe(true);
    expect(answer).toContain("\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
    expect(answer).toContain("\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n");
    const call = await callStatus(location.split("/").pop()!);
    expect(call.status).toBe("accepted");
    expect(call.session.instructions).toBe("Say hi.");
    expect(call.session.object).toBe("realtime.session");
  });

  it("takes a bare application/sdp offer with an unexpired ek_ secret and uses its session", async () => {
    const secret = await mintSecret();
    const response = await createCall(SDP_OFFER, secret.value);
    expect(response.status).toBe(201);
    const id = response.headers.get("location")!.split("/").pop()!;
    const call = await callStatus(id);
    expect(call.session.id).toBe(secret.session.id);
    expect(call.session.instructions).toBe("From the secret.");
  });

  it("refuses an ek_ secret once it has expired", async () => {
    const secret = await mintSecret(30);
    clock.advance(29);
    expect((await createCall(SDP_OFFER, secret.value)).status).toBe(201);
    clock.advance(1);
    const response = await createCall(SDP_OFFER, secret.value);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(
      apiError("The client secret provided has expired.", "invalid_request_error", null, "invalid_api_key"),
    );
  });

  it("refuses an ek_ secret it never minted", async () => {
    const response = await createCall(SDP_OFFER, "ek_00000000000000000000000000000000");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(
      apiError("Incorrect client secret provided.", "invalid_request_error", null, "invalid_api_key"),
    );
  });

  it("gives an API-key call without a session the default session", async () => {
    const response = await createCall(SDP_OFFER);
    const call = await callStatus(response.headers.get("location")!.split("/").pop()!);
    expect(call.session.model).toBe("gpt-realtime");
    expect(call.session.audio.output.voice).toBe("alloy");
  });

  it("requires the sdp field and rejects unknown fields", async () => {
    const missing = await createCall(multipart({ session: { value: '{"type":"realtime"}', type: "application/json" } }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(
      apiError("Missing required parameter: 'sdp'.", "invalid_request_error", "sdp", "missing_required_parameter"),
    );
    const unknown = await createCall(
      multipart({ sdp: { value: SDP_OFFER, type: "application/sdp" }, model: { value: "x", type: "text/plain" } }),
    );
    expect(await unknown.json()).toEqual(apiError("Unknown parameter: 'model'.", "invalid_request_error", "model", "unknown_parameter"));
  });

  it("validates the session part with its path under session", async () => {
    const response = await createCall(
      multipart({
        sdp: { value: SDP_OFFER, type: "application/sdp" },
        session: { value: JSON.stringify({ type: "realtime", output_modalities: ["video"] }), type: "application/json" },
      }),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.param).toBe("session.output_modalities[0]");
    expect(error.code).toBe("invalid_value");
  });

  it("takes only a realtime session for a call", async () => {
    const response = await createCall(
      multipart({
        sdp: { value: SDP_OFFER, type: "application/sdp" },
        session: { value: JSON.stringify({ type: "transcription" }), type: "application/json" },
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "Invalid value for 'session.type': 'transcription'. Supported values are: 'realtime'.",
        "invalid_request_error",
        "session.type",
        "invalid_value",
      ),
    );
  });

  it("rejects text that is not an SDP offer", async () => {
    const response = await createCall("hello");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError("Invalid SDP offer: it must start with 'v=0'.", "invalid_request_error", "sdp", "invalid_value"),
    );
  });

  it("rejects other content types", async () => {
    const response = await post(emulator, "/realtime/calls", { body: { sdp: SDP_OFFER } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "Unsupported content type: send multipart/form-data (sdp, session) or application/sdp.",
        "invalid_request_error",
        null,
        "unsupported_content_type",
      ),
    );
  });
});

describe("call control", () => {
  it("accepts, refers and hangs up a SIP call", async () => {
    const id = await incomingCall(emulator, [{ name: "From", value: "sip:+14155550100@example.com" }]);
    expect(await callStatus(id)).toEqual({ id, status: "incoming", session: null, refer_target: null, reject_status_code: null });

    const accept = await post(emulator, `/realtime/calls/${id}/accept`, {
      body: { type: "realtime", model: "gpt-realtime", instructions: "You are Alex." },
    });
    expect(accept.status).toBe(200);
    expect(await accept.text()).toBe("");
    const accepted = await callStatus(id);
    expect(accepted.status).toBe("accepted");
    expect(accepted.session.instructions).toBe("You are Alex.");
    expect(accepted.session.tool_choice).toBe("auto");

    expect((await post(emulator, `/realtime/calls/${id}/refer`, { body: { target_uri: "tel:+14155550123" } })).status).toBe(200);
    expect(await callStatus(id)).toMatchObject({ status: "referred", refer_target: "tel:+14155550123" });

    expect((await post(emulator, `/realtime/calls/${id}/hangup`)).status).toBe(200);
    expect((await callStatus(id)).status).toBe("ended");
  });

  it("rejects an incoming call with 603 by default or the given SIP status", async () => {
    const byDefault = await incomingCall(emulator);
    expect((await post(emulator, `/realtime/calls/${byDefault}/reject`)).status).toBe(200);
    expect(await callStatus(byDefault)).toMatchObject({ status: "rejected", reject_status_code: 603 });
    const busy = await incomingCall(emulator);
    expect((await post(emulator, `/realtime/calls/${busy}/reject`, { body: { status_code: 486 } })).status).toBe(200);
    expect((await callStatus(busy)).reject_status_code).toBe(486);
  });

  it("hangs up a call that is still ringing", async () => {
    const id = await incomingCall(emulator);
    expect((await post(emulator, `/realtime/calls/${id}/hangup`)).status).toBe(200);
    expect((await callStatus(id)).status).toBe("ended");
  });

  it("answers an action the state does not allow with 400 invalid_call_state", async () => {
    const id = await incomingCall(emulator);
    const refer = await post(emulator, `/realtime/calls/${id}/refer`, { body: { target_uri: "tel:+1" } });
    expect(refer.status).toBe(400);
    expect(await refer.json()).toEqual(
      apiError(
        `Cannot refer call '${id}': it is 'incoming', and refer needs 'accepted'.`,
        "invalid_request_error",
        null,
        "invalid_call_state",
      ),
    );
    await post(emulator, `/realtime/calls/${id}/reject`);
    const hangup = await post(emulator, `/realtime/calls/${id}/hangup`);
    expect(hangup.status).toBe(400);
    expect((await hangup.json()).error.message).toBe(
      `Cannot hangup call '${id}': it is 'rejected', and hangup needs 'incoming' or 'accepted' or 'referred'.`,
    );
    const accept = await post(emulator, `/realtime/calls/${id}/accept`, { body: { type: "realtime" } });
    expect((await accept.json()).error.code).toBe("invalid_call_state");
    expect((await callStatus(id)).status).toBe("rejected");
  });

  it("does not refer a WebRTC call", async () => {
    const created = await createCall(SDP_OFFER);
    const id = created.headers.get("location")!.split("/").pop()!;
    const refer = await post(emulator, `/realtime/calls/${id}/refer`, { body: { target_uri: "tel:+1" } });
    expect(refer.status).toBe(400);
    expect(await refer.json()).toEqual(
      apiError(`Call '${id}' is a WebRTC call; only SIP calls can be referred.`, "invalid_request_error", null, "invalid_call_state"),
    );
    expect((await post(emulator, `/realtime/calls/${id}/hangup`)).status).toBe(200);
  });

  it.each(["accept", "hangup", "refer", "reject"])("answers 404 for %s on an unknown call", async (action) => {
    const body = action === "accept" ? { type: "realtime" } : action === "refer" ? { target_uri: "tel:+1" } : undefined;
    const response = await post(emulator, `/realtime/calls/rtc_unknown/${action}`, body === undefined ? {} : { body });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(
      apiError("No call found with id 'rtc_unknown'.", "invalid_request_error", "call_id", "not_found"),
    );
  });

  it("validates action bodies", async () => {
    const id = await incomingCall(emulator);
    const accept = await post(emulator, `/realtime/calls/${id}/accept`, { body: { type: "realtime", speed: 1 } });
    expect(await accept.json()).toEqual(apiError("Unknown parameter: 'speed'.", "invalid_request_error", "speed", "unknown_parameter"));
    const refer = await post(emulator, `/realtime/calls/${id}/refer`, { body: {} });
    expect(await refer.json()).toEqual(
      apiError("Missing required parameter: 'target_uri'.", "invalid_request_error", "target_uri", "missing_required_parameter"),
    );
    const reject = await post(emulator, `/realtime/calls/${id}/reject`, { body: { status_code: 200 } });
    expect(await reject.json()).toEqual(
      apiError(
        "Invalid 'status_code': expected a SIP status from 400 to 699, got 200.",
        "invalid_request_error",
        "status_code",
        "invalid_value",
      ),
    );
    expect((await callStatus(id)).status).toBe("incoming");
  });
});

describe("call state machine", () => {
  const table: Array<[CallStatus, CallAction, CallStatus | null]> = [
    ["incoming", "accept", "accepted"],
    ["incoming", "reject", "rejected"],
    ["incoming", "hangup", "ended"],
    ["incoming", "refer", null],
    ["accepted", "refer", "referred"],
    ["accepted", "hangup", "ended"],
    ["accepted", "accept", null],
    ["accepted", "reject", null],
    ["referred", "hangup", "ended"],
    ["referred", "refer", null],
    ["rejected", "hangup", null],
    ["ended", "hangup", null],
    ["ended", "accept", null],
  ];
  it.each(table)("%s + %s -> %s", (from, action, to) => {
    expect(nextCallStatus(from, action)).toBe(to);
  });
});
