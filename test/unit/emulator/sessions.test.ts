import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../../src/emulator";
import {
  RealtimeSessionCreateResponse,
  RealtimeTranscriptionSessionCreateResponse,
  RealtimeTranslationClientSecretCreateResponse,
  validate,
} from "../../../src/schemas";
import { apiError, post, start, TestClock } from "./helpers";

const clock = new TestClock();
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
afterAll(() => emulator.close());

describe("POST /v1/realtime/sessions (legacy)", () => {
  it("returns the flat session with defaults and a one-minute client_secret", async () => {
    const response = await post(emulator, "/realtime/sessions", {
      body: { model: "gpt-realtime", modalities: ["audio", "text"], instructions: "You are a friendly assistant." },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^sess_[A-Za-z0-9]{21}$/),
      object: "realtime.session",
      model: "gpt-realtime",
      modalities: ["audio", "text"],
      instructions: "You are a friendly assistant.",
      voice: "alloy",
      input_audio_format: "pcm16",
      output_audio_format: "pcm16",
      input_audio_transcription: null,
      turn_detection: { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 },
      tools: [],
      tool_choice: "auto",
      temperature: 0.8,
      max_response_output_tokens: "inf",
      speed: 1,
      truncation: "auto",
      prompt: null,
      client_secret: { value: expect.stringMatching(/^ek_[0-9a-f]{32}$/), expires_at: clock.seconds + 60 },
    });
    expect(validate(RealtimeSessionCreateResponse, body).ok).toBe(true);
  });

  it("keeps requested values and turn detection off", async () => {
    const response = await post(emulator, "/realtime/sessions", {
      body: { voice: "verse", temperature: 0.6, turn_detection: null, tracing: "auto" },
    });
    const body = await response.json();
    expect(body.voice).toBe("verse");
    expect(body.temperature).toBe(0.6);
    expect(body.turn_detection).toBeNull();
    expect(body.tracing).toBe("auto");
  });

  it("validates with the legacy schema", async () => {
    const response = await post(emulator, "/realtime/sessions", { body: { temperature: 2 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError(
        "Invalid 'temperature': decimal above maximum value. Expected a value <= 1.2, but got 2 instead.",
        "invalid_request_error",
        "temperature",
        "decimal_above_max_value",
      ),
    );
  });
});

describe("POST /v1/realtime/transcription_sessions (legacy)", () => {
  it("returns the flat transcription session with a one-minute client_secret", async () => {
    const response = await post(emulator, "/realtime/transcription_sessions", { body: {} });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^sess_/),
      object: "realtime.transcription_session",
      modalities: ["audio", "text"],
      turn_detection: { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 },
      input_audio_format: "pcm16",
      input_audio_transcription: { model: "gpt-4o-transcribe", prompt: "" },
      client_secret: { value: expect.stringMatching(/^ek_/), expires_at: clock.seconds + 60 },
    });
    expect(validate(RealtimeTranscriptionSessionCreateResponse, body).ok).toBe(true);
  });

  it("keeps the requested transcription model and format", async () => {
    const response = await post(emulator, "/realtime/transcription_sessions", {
      body: { input_audio_format: "g711_ulaw", input_audio_transcription: { model: "whisper-1", language: "fr" } },
    });
    const body = await response.json();
    expect(body.input_audio_format).toBe("g711_ulaw");
    expect(body.input_audio_transcription).toEqual({ model: "whisper-1", language: "fr" });
  });

  it("rejects unknown fields", async () => {
    const response = await post(emulator, "/realtime/transcription_sessions", { body: { modalities: ["text"] } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      apiError("Unknown parameter: 'modalities'.", "invalid_request_error", "modalities", "unknown_parameter"),
    );
  });
});

describe("POST /v1/realtime/translations/client_secrets", () => {
  it("mints a secret whose session expires with it", async () => {
    const response = await post(emulator, "/realtime/translations/client_secrets", {
      body: {
        expires_after: { anchor: "created_at", seconds: 120 },
        session: {
          model: "gpt-realtime-translate",
          audio: { input: { transcription: { model: "gpt-realtime-whisper" }, noise_reduction: null }, output: { language: "es" } },
        },
      },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      value: expect.stringMatching(/^ek_[0-9a-f]{32}$/),
      expires_at: clock.seconds + 120,
      session: {
        id: expect.stringMatching(/^sess_/),
        type: "translation",
        expires_at: clock.seconds + 120,
        model: "gpt-realtime-translate",
        audio: {
          input: { transcription: { model: "gpt-realtime-whisper" }, noise_reduction: null },
          output: { language: "es" },
        },
      },
    });
    expect(validate(RealtimeTranslationClientSecretCreateResponse, body).ok).toBe(true);
  });

  it("defaults to 600 seconds and requires a session", async () => {
    const ok = await post(emulator, "/realtime/translations/client_secrets", { body: { session: { model: "gpt-realtime-translate" } } });
    expect((await ok.json()).expires_at).toBe(clock.seconds + 600);
    const missing = await post(emulator, "/realtime/translations/client_secrets", { body: {} });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(
      apiError("Missing required parameter: 'session'.", "invalid_request_error", "session", "missing_required_parameter"),
    );
  });
});
