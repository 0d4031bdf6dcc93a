import { describe, expect, it } from "vitest";
import { disallowDeprecatedEndpoints } from "../../../src/rules";
import { compliant, run } from "./fixtures";

describe("openai-realtime-disallow-deprecated-endpoints", () => {
  it("covers only the two kinds on removed endpoints", () => {
    expect(disallowDeprecatedEndpoints.kinds).toEqual(["RealtimeSession", "TranscriptionSession"]);
  });

  it("flags RealtimeSession", () => {
    expect(run(disallowDeprecatedEndpoints, compliant("RealtimeSession"))).toEqual([
      {
        path: [],
        message:
          "RealtimeSession uses POST /realtime/sessions, which OpenAI removed on 2026-05-12; use a ClientSecret with a realtime session instead.",
      },
    ]);
  });

  it("flags TranscriptionSession", () => {
    expect(run(disallowDeprecatedEndpoints, compliant("TranscriptionSession"))[0]?.message).toBe(
      "TranscriptionSession uses POST /realtime/transcription_sessions, which OpenAI removed on 2026-05-12; use a ClientSecret with a transcription session instead.",
    );
  });
});
