import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import { RealtimeCreateClientSecretResponse, validate } from "../../../src/schemas";
import { apiError, post, start, TestClock } from "./helpers";

const clock = new TestClock();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
afterAll(() => emulator.close());

describe("POST /v1/realtime/client_secrets", () => {
  it("mints an ek_ secret with the server's defaults filled in", async () => {
    const response = await post(emulator, "/realtime/client_secrets", {
      body: {
        expires_after: { anchor: "created_at", seconds: 600 },
        session: { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly assistant." },
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    const body = await response.json();
    expect(body.value).toMatch(/^ek_[0-9a-f]{32}$/);
    expect(body.session.id).toMatch(/^sess_[A-Za-z0-9]{21}$/);
    expect(body).toEqual({
      value: body.value,
      expires_at: clock.seconds + 600,
      session: {
        type: "realtime",
        object: "realtime.session",
        id: body.session.id,
        model: "gpt-realtime",
        output_modalities: ["audio"],
        instructions: "You are a friendly assistant.",
        tools: [],
        tool_choice: "auto",
        max_output_tokens: "inf",
        tracing: null,
        truncation: "auto",
        prompt: null,
        expires_at: 0,
        audio: {
          input: {
            format: { type: "audio/pcm", rate: 24000 },
            transcription: null,
            noise_reduction: null,
            turn_detection: {
              type: "server_vad",
              threshold: 0.5,
              prefix_padding_ms: 300,
              silence_duration_ms: 200,
              idle_timeout_ms: null,
              create_response: true,
              interrupt_response: true,
            },
          },
          output: { format: { type: "audio/pcm", rate: 24000 }, voice: "alloy", speed: 1 },
        },
        include: null,
      },
    });
    expect(validate(RealtimeCreateClientSecretResponse, body).ok).toBe(true);
  });

  it("defaults to a 600 second realtime secret when the body is empty", async () => {
    const response = await post(emulator, "/realtime/client_secrets");
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.expires_at).toBe(clock.seconds + 600);
    expect(body.session.type).toBe("realtime");
    expect(body.session.model).toBe("gpt-realtime");
  });

  it("keeps the requested values over the defaults", async () => {
    const response = await post(emulator, "/realtime/client_secrets", {
      body: {
        expires_after: { anchor: "created_at", seconds: 10 },
        session: {
          type: "realtime",
          output_modalities: ["text"],
          tool_choice: "required",
          tracing: "auto",
          audio: {
            input: { format: { type: "audio/pcmu" }, turn_detection: { type: "server_vad", threshold: 0.9 } },
            output: { voice: "marin", speed: 1.25, format: { type: "audio/pcm" } },
          },
        },
      },
    });
    const { expires_at, session } = await response.json();
    expect(expires_at).toBe(clock.seconds + 10);
    expect(session.output_modalities).toEqual(["text"]);
    expect(session.tool_choice).toBe("required");
    expect(session.tracing).toBe("auto");
    expect(session.audio.input.format).toEqual({ type: "audio/pcmu" });
    expect(session.audio.input.turn_detection).toEqual({
      type: "server_vad",
      threshold: 0.9,
      prefix_padding_ms: 300,
      silence_duration_ms: 200,
      idle_timeout_ms: null,
      create_response: true,
      interrupt_response: true,
    });
    expect(session.audio.output).toEqual({ format: { type: "audio/pcm", rate: 24000 }, voice: "marin", speed: 1.25 });
  });

  it("fills semantic VAD defaults and keeps turn detection off when null", async () => {
    const semantic = await post(emulator, "/realtime/client_secrets", {
      body: { session: { type: "realtime", audio: { input: { turn_detection: { type: "semantic_vad", eagerness: "high" } } } } },
    });
    expect((await semantic.json()).session.audio.input.turn_detection).toEqual({
      type: "semantic_vad",
      eagerness: "high",
      create_response: true,
      interrupt_response: true,
    });
    const off = await post(emulator, "/realtime/client_secrets", {
      body: { session: { type: "realtime", audio: { input: { turn_detection: null } } } },
    });
    expect((await off.json()).session.audio.input.turn_detection).toBeNull();
  });

  it("returns an effective transcription session for type transcription", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { body: { session: { type: "transcription" } } });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.session).toEqual({
      id: body.session.id,
      type: "transcription",
      object: "realtime.transcription_session",
      expires_at: 0,
      include: null,
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24000 },
          transcription: { model: "gpt-4o-transcribe", prompt: "" },
          noise_reduction: null,
          turn_detection: { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 },
        },
      },
    });
    expect(validate(RealtimeCreateClientSecretResponse, body).ok).toBe(true);
  });

  it("turns VAD off by default for gpt-realtime-whisper and rejects turning it on", async () => {
    const whisper = { transcription: { model: "gpt-realtime-whisper" } };
    const defaulted = await post(emulator, "/realtime/client_secrets", {
      body: { session: { type: "transcription", audio: { input: whisper } } },
    });
    expect((await defaulted.json()).session.audio.input.turn_detection).toBeNull();
    const conflicting = await post(emulator, "/realtime/client_secrets", {
      body: { session: { type: "transcription", audio: { input: { ...whisper, turn_detection: { type: "server_vad" } } } } },
    });
    expect(conflicting.status).toBe(400);
    expect(await conflicting.json()).toEqual(
      apiError(
        "Invalid 'session.audio.input.turn_detection': turn detection must be null for gpt-realtime-whisper.",
        "invalid_request_error",
        "session.audio.input.turn_detection",
        "invalid_value",
      ),
    );
  });
});

describe("client secret validation", () => {
  it("names the dotted path of an out-of-range value", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { body: { expires_after: { seconds: 9000 } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 7200, but got 9000 instead.",
        "invalid_request_error",
        "expires_after.seconds",
        "integer_above_max_value",
      ),
    );
  });

  it("names nested session fields", async () => {
    const response = await post(emulator, "/realtime/client_secrets", {
      body: { session: { type: "realtime", audio: { output: { speed: 9 } } } },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead.",
        "invalid_request_error",
        "session.audio.output.speed",
        "decimal_above_max_value",
      ),
    );
  });

  it("rejects unknown fields with unknown_parameter", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { body: { session: { type: "realtime", voice: "alloy" } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError("Unknown parameter: 'session.voice'.", "invalid_request_error", "session.voice", "unknown_parameter"),
    );
  });

  it("rejects malformed JSON", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { raw: '{"session": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
        "invalid_request_error",
        null,
        null,
      ),
    );
  });

  it("requires the session type", async () => {
    const response = await post(emulator, "/realtime/client_secrets", { body: { session: { model: "gpt-realtime" } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError("Missing required parameter: 'session.type'.", "invalid_request_error", "session.type", "missing_required_parameter"),
    );
  });
});
