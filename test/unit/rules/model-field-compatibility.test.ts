import { describe, expect, it } from "vitest";
import { modelFieldCompatibility } from "../../../src/rules";
import { KINDS, changed, compliant, run, transcriptionSession } from "./fixtures";

const transcriptionSecret = (change: (session: Record<string, any>) => void) =>
  changed("ClientSecret", (p) => {
    p.session = transcriptionSession();
    change(p.session);
  });

describe("openai-realtime-model-field-compatibility", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(modelFieldCompatibility, compliant(kind))).toEqual([]);
  });

  it("flags session.model on a transcription session", () => {
    expect(run(modelFieldCompatibility, transcriptionSecret((s) => (s.model = "gpt-realtime")))).toEqual([
      {
        path: ["session", "model"],
        message: "session.model is not accepted here: a transcription session does not accept it (it is a realtime session field).",
      },
    ]);
  });

  it("flags session.model on a legacy TranscriptionSession", () => {
    const subject = changed("TranscriptionSession", (p) => (p.session.model = "gpt-realtime"));
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.model is not accepted here: a TranscriptionSession does not accept it (it is a realtime session field).",
    );
  });

  it("flags a prompt with gpt-realtime-whisper", () => {
    const subject = transcriptionSecret((s) => {
      s.audio.input.transcription = { model: "gpt-realtime-whisper", prompt: "expect product names" };
    });
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.audio.input.transcription.prompt is not accepted here: prompt is not supported with gpt-realtime-whisper in GA sessions.",
    );
  });

  it("flags delay with another model", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.audio.input.transcription.delay = "low"));
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.audio.input.transcription.delay is not accepted here: delay is only supported with gpt-realtime-whisper.",
    );
  });

  it("flags languages and keywords outside gpt-transcribe", () => {
    const subject = transcriptionSecret((s) => {
      s.audio.input.transcription.languages = ["en", "fr"];
      s.audio.input.transcription.keywords = ["Acme"];
    });
    expect(run(modelFieldCompatibility, subject).map((f) => f.message)).toEqual([
      "session.audio.input.transcription.languages is not accepted here: languages is supported by gpt-transcribe and gpt-live-transcribe only.",
      "session.audio.input.transcription.keywords is not accepted here: keywords is supported by gpt-transcribe and gpt-live-transcribe only.",
    ]);
    const ok = transcriptionSecret((s) => {
      s.audio.input.transcription = { model: "gpt-transcribe", languages: ["en"], keywords: ["Acme"] };
    });
    expect(run(modelFieldCompatibility, ok)).toEqual([]);
  });

  it("flags turn detection with gpt-realtime-whisper", () => {
    const subject = transcriptionSecret((s) => {
      s.audio.input.transcription = { model: "gpt-realtime-whisper" };
      s.audio.input.turn_detection = { type: "server_vad" };
    });
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.audio.input.turn_detection is not accepted here: turn detection must be null with gpt-realtime-whisper (VAD is not supported).",
    );
  });

  it("flags reasoning on a model that does not reason", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.reasoning = { effort: "low" }));
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.reasoning is not accepted here: only reasoning models accept it.",
    );
    const reasoning = changed("SessionTemplate", (p) => {
      p.session.model = "gpt-realtime-2";
      p.session.reasoning = { effort: "low" };
      p.session.parallel_tool_calls = true;
    });
    expect(run(modelFieldCompatibility, reasoning)).toEqual([]);
  });

  it("flags audio output settings on a text-only session", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.output_modalities = ["text"]));
    expect(run(modelFieldCompatibility, subject)[0]?.message).toBe(
      "session.audio.output is not accepted here: output_modalities is ['text'], so the session produces no audio.",
    );
    const legacy = changed("RealtimeSession", (p) => (p.session.modalities = ["text"]));
    expect(run(modelFieldCompatibility, legacy)[0]?.message).toBe(
      "session.voice is not accepted here: modalities is ['text'], so the session produces no audio.",
    );
  });
});
