import { describe, expect, it } from "vitest";
import { allowedVoices } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

describe("openai-realtime-allowed-voices", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(allowedVoices, compliant(kind))).toEqual([]);
  });

  it("flags a voice off the list", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.audio.output.voice = "ash"));
    expect(run(allowedVoices, subject, { voices: ["marin", "cedar"] })).toEqual([
      {
        path: ["session", "audio", "output", "voice"],
        message: "session.audio.output.voice 'ash' is not an allowed voice. Allowed: 'marin', 'cedar'.",
      },
    ]);
  });

  it("judges a custom voice by its id", () => {
    const subject = changed("ClientSecret", (p) => (p.session.audio.output.voice = { id: "voice_123" }));
    expect(run(allowedVoices, subject)[0]?.message).toMatch(/^session\.audio\.output\.voice 'voice_123' is not an allowed voice\./);
    expect(run(allowedVoices, subject, { voices: ["voice_123"] })).toEqual([]);
  });

  it("flags a legacy RealtimeSession voice", () => {
    const subject = changed("RealtimeSession", (p) => (p.session.voice = "verse"));
    expect(run(allowedVoices, subject, { voices: ["marin"] })[0]?.message).toBe(
      "session.voice 'verse' is not an allowed voice. Allowed: 'marin'.",
    );
  });
});
