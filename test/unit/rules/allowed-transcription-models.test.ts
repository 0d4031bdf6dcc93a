import { describe, expect, it } from "vitest";
import { allowedTranscriptionModels } from "../../../src/rules";
import { KINDS, changed, compliant, run, transcriptionSession } from "./fixtures";

describe("openai-realtime-allowed-transcription-models", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(allowedTranscriptionModels, compliant(kind))).toEqual([]);
  });

  it("flags a GA transcription session model", () => {
    const subject = changed("ClientSecret", (p) => {
      p.session = transcriptionSession();
      p.session.audio.input.transcription.model = "whisper-large";
    });
    expect(run(allowedTranscriptionModels, subject, { models: ["gpt-4o-transcribe"] })).toEqual([
      {
        path: ["session", "audio", "input", "transcription", "model"],
        message:
          "session.audio.input.transcription.model 'whisper-large' is not an allowed transcription model. Allowed: 'gpt-4o-transcribe'.",
      },
    ]);
  });

  it("flags a legacy TranscriptionSession model", () => {
    const subject = compliant("TranscriptionSession");
    expect(run(allowedTranscriptionModels, subject, { models: ["whisper-1"] })[0]?.message).toBe(
      "session.input_audio_transcription.model 'gpt-4o-transcribe' is not an allowed transcription model. Allowed: 'whisper-1'.",
    );
  });

  it("flags a realtime session's input transcription", () => {
    const subject = compliant("SessionTemplate");
    expect(run(allowedTranscriptionModels, subject, { models: [] })[0]?.message).toBe(
      "session.audio.input.transcription.model 'gpt-4o-transcribe' is not an allowed transcription model. Allowed: (none).",
    );
  });
});
