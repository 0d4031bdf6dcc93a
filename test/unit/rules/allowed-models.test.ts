import { describe, expect, it } from "vitest";
import { allowedModels } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

describe("openai-realtime-allowed-models", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(allowedModels, compliant(kind))).toEqual([]);
  });

  it("flags a preview model on a template", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.model = "gpt-4o-realtime-preview"));
    expect(run(allowedModels, subject, { models: ["gpt-realtime", "gpt-realtime-mini"] })).toEqual([
      {
        path: ["session", "model"],
        message: "session.model 'gpt-4o-realtime-preview' is not an allowed model. Allowed: 'gpt-realtime', 'gpt-realtime-mini'.",
      },
    ]);
  });

  it("flags a legacy RealtimeSession model", () => {
    const subject = changed("RealtimeSession", (p) => (p.session.model = "gpt-4o-mini-realtime-preview"));
    expect(run(allowedModels, subject, { models: ["gpt-realtime"] })[0]?.message).toBe(
      "session.model 'gpt-4o-mini-realtime-preview' is not an allowed model. Allowed: 'gpt-realtime'.",
    );
  });

  it("flags a translation model left off the list", () => {
    const subject = compliant("TranslationClientSecret");
    expect(run(allowedModels, subject, { models: ["gpt-realtime"] })[0]?.message).toBe(
      "session.model 'gpt-realtime-translate' is not an allowed model. Allowed: 'gpt-realtime'.",
    );
  });

  it("leaves a session without a model to the API default", () => {
    const subject = changed("ClientSecret", (p) => delete p.session.model);
    expect(run(allowedModels, subject)).toEqual([]);
  });

  it("allows every GA model by default and no preview model", () => {
    expect(run(allowedModels, changed("SessionTemplate", (p) => (p.session.model = "gpt-realtime-2")))).toEqual([]);
    expect(run(allowedModels, changed("SessionTemplate", (p) => (p.session.model = "gpt-4o-realtime-preview")))).toHaveLength(1);
  });
});
