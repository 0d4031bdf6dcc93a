import { describe, expect, it } from "vitest";
import {
  KNOWN_REALTIME_MODELS,
  KNOWN_TRANSCRIPTION_MODELS,
  KNOWN_TRANSLATION_MODELS,
  KNOWN_VOICES,
  RealtimeSessionCreateRequestGA,
  RealtimeTranslationSessionCreateRequest,
  VoiceIdsShared,
  validate,
} from "../../../src/schemas";

describe("known model and voice lists", () => {
  it("hold the reference's enums", () => {
    expect(KNOWN_REALTIME_MODELS).toHaveLength(19);
    expect(KNOWN_REALTIME_MODELS).toContain("gpt-realtime");
    expect(KNOWN_REALTIME_MODELS).toContain("gpt-audio-mini-2025-12-15");
    expect(KNOWN_TRANSCRIPTION_MODELS).toEqual([
      "whisper-1",
      "gpt-transcribe",
      "gpt-live-transcribe",
      "gpt-4o-mini-transcribe",
      "gpt-4o-mini-transcribe-2025-12-15",
      "gpt-4o-transcribe",
      "gpt-4o-transcribe-diarize",
      "gpt-realtime-whisper",
    ]);
    expect(KNOWN_TRANSLATION_MODELS).toEqual(["gpt-realtime-translate"]);
    expect(KNOWN_VOICES).toEqual(["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar"]);
  });

  it("every known model and voice is accepted", () => {
    for (const model of KNOWN_REALTIME_MODELS) {
      expect(validate(RealtimeSessionCreateRequestGA, { type: "realtime", model }).ok).toBe(true);
    }
    for (const model of KNOWN_TRANSCRIPTION_MODELS) {
      const body = { type: "realtime", audio: { input: { transcription: { model } } } };
      expect(validate(RealtimeSessionCreateRequestGA, body).ok).toBe(true);
    }
    for (const voice of KNOWN_VOICES) expect(VoiceIdsShared.parse(voice)).toBe(voice);
  });

  it("models and voices outside the lists are accepted too, as the API does", () => {
    const body = {
      type: "realtime",
      model: "gpt-realtime-2099-01-01",
      audio: { input: { transcription: { model: "my-transcriber" } }, output: { voice: "aurora" } },
    };
    expect(validate(RealtimeSessionCreateRequestGA, body)).toEqual({ ok: true, value: body });
    expect(validate(RealtimeTranslationSessionCreateRequest, { model: "gpt-realtime-translate-2" }).ok).toBe(true);
  });
});
