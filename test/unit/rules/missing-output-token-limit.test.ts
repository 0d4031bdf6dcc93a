import { describe, expect, it } from "vitest";
import { missingOutputTokenLimit } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

describe("openai-realtime-missing-output-token-limit", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(missingOutputTokenLimit, compliant(kind))).toEqual([]);
  });

  it("flags a limit left unset", () => {
    const subject = changed("SessionTemplate", (p) => delete p.session.max_output_tokens);
    expect(run(missingOutputTokenLimit, subject)).toEqual([
      {
        path: ["session", "max_output_tokens"],
        message: "session.max_output_tokens is not set, so it defaults to 'inf'; set a limit of at most 4096.",
      },
    ]);
  });

  it("flags 'inf'", () => {
    const subject = changed("ClientSecret", (p) => (p.session.max_output_tokens = "inf"));
    expect(run(missingOutputTokenLimit, subject)[0]?.message).toBe(
      "session.max_output_tokens is 'inf'; set a limit of at most 4096.",
    );
  });

  it("flags a limit above the configured maximum", () => {
    const subject = changed("RealtimeSession", (p) => (p.session.max_response_output_tokens = 2048));
    expect(run(missingOutputTokenLimit, subject, { maxOutputTokens: 1024 })[0]?.message).toBe(
      "session.max_response_output_tokens 2048 is above the limit of 1024.",
    );
  });
});
