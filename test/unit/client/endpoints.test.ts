import { afterEach, describe, expect, it } from "vitest";
import { APIError, RealtimeClient, RequestValidationError, type ClientOptions } from "../../../src/client";
import type { RealtimeSessionCreateRequest } from "../../../src/schemas";
import { startServer, type LoopbackServer, type Recorded, type Reply } from "./loopback-server";

const KEY = "sk-test-endpoints";
const SDP_OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
const SDP_ANSWER = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n";
const SESSION = { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly concierge." } as const;

let server: LoopbackServer | undefined;
let client: RealtimeClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

async function setup(reply: (req: Recorded) => Reply, options: ClientOptions = {}) {
  server = await startServer(reply);
  client = new RealtimeClient({ apiKey: KEY, baseURL: server.baseURL, maxRetries: 0, ...options });
  return { server, client };
}

function only(s: LoopbackServer): Recorded {
  expect(s.requests).toHaveLength(1);
  return s.requests[0] as Recorded;
}

/** Splits a multipart body into its parts' headers and bodies, so part Content-Types can be asserted. */
function multipartParts(req: Recorded): Array<{ headers: string[]; body: string }> {
  const boundary = /boundary=(.+)$/.exec(String(req.headers["content-type"]))?.[1];
  expect(boundary).toBeDefined();
  expect(req.body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  return req.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = "", ...rest] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
      return { headers: head.split("\r\n"), body: rest.join("\r\n\r\n").replace(/\r\n$/, "") };
    });
}

describe("JSON endpoints", () => {
  const secretResponse = {
    value: "ek_68af296e8e408191a1120ab6383263c2",
    expires_at: 1756310470,
    session: { type: "realtime", object: "realtime.session", id: "sess_1", model: "gpt-realtime", new_field: { x: 1 } },
    brand_new_top_level: true,
  };

  it("clientSecrets.create POSTs /realtime/client_secrets and keeps unknown response fields", async () => {
    const { server, client } = await setup(() => ({ body: secretResponse, headers: { "x-request-id": "req_1" } }));
    const body = { expires_after: { anchor: "created_at", seconds: 600 }, session: SESSION } as const;
    const res = await client.clientSecrets.create(body);
    expect(res).toEqual(secretResponse);
    const req = only(server);
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v1/realtime/client_secrets");
    expect(req.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["accept"]).toBe("application/json");
    expect(req.headers["openai-organization"]).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual(body);
  });

  it("sessions.create POSTs /realtime/sessions", async () => {
    const response = { id: "sess_001", object: "realtime.session", client_secret: { value: "ek_abc", expires_at: 1 } };
    const { server, client } = await setup(() => ({ body: response }));
    const body: RealtimeSessionCreateRequest = { model: "gpt-realtime", modalities: ["audio", "text"], instructions: "Hi." };
    await expect(client.sessions.create(body)).resolves.toEqual(response);
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/sessions");
    expect(JSON.parse(req.body)).toEqual(body);
  });

  it("transcriptionSessions.create POSTs /realtime/transcription_sessions", async () => {
    const response = { id: "sess_2", object: "realtime.transcription_session", client_secret: null };
    const { server, client } = await setup(() => ({ body: response }));
    await expect(client.transcriptionSessions.create({ input_audio_format: "pcm16" })).resolves.toEqual(response);
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/transcription_sessions");
    expect(JSON.parse(req.body)).toEqual({ input_audio_format: "pcm16" });
  });

  it("translations.clientSecrets.create POSTs /realtime/translations/client_secrets", async () => {
    const response = { value: "ek_1", expires_at: 1756310470, session: { id: "sess_3", type: "translation" } };
    const { server, client } = await setup(() => ({ body: response }));
    const body = {
      expires_after: { anchor: "created_at", seconds: 600 },
      session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
    } as const;
    await expect(client.translations.clientSecrets.create(body)).resolves.toEqual(response);
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/translations/client_secrets");
    expect(JSON.parse(req.body)).toEqual(body);
  });

  it("sends organization, project, default headers, and per-call headers over them", async () => {
    const { server, client } = await setup(() => ({ body: { value: "ek_1", expires_at: 1, session: {} } }), {
      organization: "org_1",
      project: "proj_1",
      defaultHeaders: { "X-Team": "voice", "X-Trace": "default" },
    });
    await client.clientSecrets.create({ session: SESSION }, { headers: { "x-trace": "per-call" } });
    const req = only(server);
    expect(req.headers["openai-organization"]).toBe("org_1");
    expect(req.headers["openai-project"]).toBe("proj_1");
    expect(req.headers["x-team"]).toBe("voice");
    expect(req.headers["x-trace"]).toBe("per-call");
  });

  it("a 2xx that is not a JSON object is an APIError", async () => {
    const { client } = await setup(() => ({ body: "<html>proxy</html>", headers: { "content-type": "text/html" } }));
    const err = await client.sessions.create({ model: "gpt-realtime" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as Error).message).toBe(
      "200 POST /realtime/sessions: expected a JSON object in the response, got text/html",
    );
  });
});

describe("request validation", () => {
  it("fails before sending, naming every bad field", async () => {
    const { server, client } = await setup(() => ({ body: {} }));
    const err = await client.clientSecrets
      // @ts-expect-error: `foo` is not a session field, which is the point
      .create({ expires_after: { anchor: "created_at", seconds: 9000 }, session: { ...SESSION, foo: 1 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    expect((err as Error).message).toBe(
      "POST /realtime/client_secrets: invalid request body: " +
        "Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 7200, but got 9000 instead. " +
        "Unknown parameter: 'session.foo'.",
    );
    expect((err as RequestValidationError).issues.map((i) => i.path)).toEqual(["expires_after.seconds", "session.foo"]);
    expect(server.requests).toHaveLength(0);
  });

  it("validateRequests: false sends a field this package does not know yet", async () => {
    const { server, client } = await setup(() => ({ body: {} }), { validateRequests: false });
    // @ts-expect-error: an unknown field, on purpose
    await client.clientSecrets.create({ session: { ...SESSION, future_field: true } });
    expect(JSON.parse(only(server).body)).toEqual({ session: { ...SESSION, future_field: true } });
  });

  it("calls.create validates the session with session.* paths and the offer", async () => {
    const { server, client } = await setup(() => ({ status: 201 }));
    const err = await client.calls
      .create({ sdp: " ", session: { type: "realtime", audio: { output: { speed: 9 } } } })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      "POST /realtime/calls: invalid request body: " +
        "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead. " +
        "Invalid value for 'sdp': expected a non-empty SDP offer.",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("call control validates its body and the call id", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    const refer = await client.calls.refer("rtc_1", { target_uri: 5 as unknown as string }).catch((e: unknown) => e);
    expect((refer as Error).message).toBe(
      "POST /realtime/calls/rtc_1/refer: invalid request body: Invalid type for 'target_uri': expected a string, but got an integer instead.",
    );
    const reject = await client.calls.reject("rtc_1", { status_code: 486.5 }).catch((e: unknown) => e);
    expect((reject as Error).message).toBe(
      "POST /realtime/calls/rtc_1/reject: invalid request body: Invalid type for 'status_code': expected an integer, but got a decimal instead.",
    );
    const hangup = await client.calls.hangup("").catch((e: unknown) => e);
    expect(hangup).toBeInstanceOf(RequestValidationError);
    expect((hangup as Error).message).toBe(
      "POST /realtime/calls/{call_id}/hangup: invalid request body: Invalid value for 'call_id': expected a non-empty call id.",
    );
    for (const id of [".", ".."]) {
      const dots = await client.calls.accept(id, { type: "realtime", model: "gpt-realtime" }).catch((e: unknown) => e);
      expect((dots as Error).message).toBe(
        "POST /realtime/calls/{call_id}/accept: invalid request body: Invalid value for 'call_id': expected one path segment (not '.' or '..').",
      );
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("calls", () => {
  const created: Reply = {
    status: 201,
    body: SDP_ANSWER,
    headers: { "content-type": "application/sdp", location: "/v1/realtime/calls/rtc_479a275623b54bdb9b6fbae2f7cbd408" },
  };

  it("create with a session sends multipart sdp + session parts and reads the call id from Location", async () => {
    const { server, client } = await setup(() => created);
    const res = await client.calls.create({ sdp: SDP_OFFER, session: SESSION });
    expect(res).toEqual({ callId: "rtc_479a275623b54bdb9b6fbae2f7cbd408", sdpAnswer: SDP_ANSWER });
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/calls");
    expect(req.headers["accept"]).toBe("application/sdp");
    expect(req.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const parts = multipartParts(req);
    expect(parts).toEqual([
      { headers: ['Content-Disposition: form-data; name="sdp"', "Content-Type: application/sdp"], body: SDP_OFFER },
      {
        headers: ['Content-Disposition: form-data; name="session"', "Content-Type: application/json"],
        body: JSON.stringify(SESSION),
      },
    ]);
  });

  it("the multipart body is standard: a fetch Response parses it as form data", async () => {
    const { server, client } = await setup(() => created);
    await client.calls.create({ sdp: SDP_OFFER, session: SESSION });
    const req = only(server);
    const form = await new Response(req.body, { headers: { "content-type": String(req.headers["content-type"]) } }).formData();
    expect(form.get("sdp")).toBe(SDP_OFFER);
    expect(JSON.parse(String(form.get("session")))).toEqual(SESSION);
  });

  it("create without a session sends the bare offer as application/sdp (the ek_ token flow)", async () => {
    const { server, client } = await setup(() => created, { apiKey: "ek_68af296e8e408191a1120ab6383263c2" });
    const res = await client.calls.create({ sdp: SDP_OFFER });
    expect(res.callId).toBe("rtc_479a275623b54bdb9b6fbae2f7cbd408");
    const req = only(server);
    expect(req.headers["content-type"]).toBe("application/sdp");
    expect(req.headers["authorization"]).toBe("Bearer ek_68af296e8e408191a1120ab6383263c2");
    expect(req.body).toBe(SDP_OFFER);
  });

  it("reads the call id from an absolute, encoded Location too", async () => {
    const { client } = await setup(() => ({ ...created, headers: { location: "https://api.openai.com/v1/realtime/calls/rtc_a%2Fb/" } }));
    await expect(client.calls.create({ sdp: SDP_OFFER })).resolves.toEqual({ callId: "rtc_a/b", sdpAnswer: SDP_ANSWER });
  });

  it("a create response without Location is an APIError", async () => {
    const { client } = await setup(() => ({ status: 201, body: SDP_ANSWER, headers: { "x-request-id": "req_9" } }));
    const err = await client.calls.create({ sdp: SDP_OFFER }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as Error).message).toBe(
      "201 POST /realtime/calls: the response has no Location header with the call id (request id: req_9)",
    );
  });

  it("accept POSTs the session config and resolves to undefined", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await expect(client.calls.accept("rtc_1", SESSION)).resolves.toBeUndefined();
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/calls/rtc_1/accept");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(SESSION);
  });

  it("hangup POSTs no body", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await expect(client.calls.hangup("rtc_1")).resolves.toBeUndefined();
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/calls/rtc_1/hangup");
    expect(req.headers["content-type"]).toBeUndefined();
    expect(req.body).toBe("");
  });

  it("refer POSTs target_uri", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await client.calls.refer("rtc_1", { target_uri: "tel:+14155550123" });
    const req = only(server);
    expect(req.url).toBe("/v1/realtime/calls/rtc_1/refer");
    expect(JSON.parse(req.body)).toEqual({ target_uri: "tel:+14155550123" });
  });

  it("reject POSTs the status code, or {} when none is given", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await client.calls.reject("rtc_1", { status_code: 486 });
    await client.calls.reject("rtc_2");
    expect(server.requests.map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      ["/v1/realtime/calls/rtc_1/reject", { status_code: 486 }],
      ["/v1/realtime/calls/rtc_2/reject", {}],
    ]);
  });

  it("encodes call ids as one path segment", async () => {
    const { server, client } = await setup(() => ({ status: 200 }));
    await client.calls.hangup("rtc/../x y?z");
    expect(only(server).url).toBe("/v1/realtime/calls/rtc%2F..%2Fx%20y%3Fz/hangup");
  });
});
