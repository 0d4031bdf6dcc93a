import { describe, expect, it } from "vitest";
import { disallowCredentialsInInstructions } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

// Made-up values in each credential's format, assembled so no scanner mistakes this file for a leak.
const FAKE = {
  openai: ["sk", "proj", "TESTONLY0000000000000000000000"].join("-"),
  ephemeral: ["ek", "TESTONLY00000000000000"].join("_"),
  webhook: ["whsec", "TESTONLY0000000000000000"].join("_"),
  aws: "AKIA" + "TESTONLY00000000",
  bearer: "Bearer " + "TESTONLY".repeat(4),
  privateKey: ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" "),
};

describe("openai-realtime-disallow-credentials-in-instructions", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(disallowCredentialsInInstructions, compliant(kind))).toEqual([]);
  });

  it("flags an API key in instructions without echoing it", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.instructions = `Use ${FAKE.openai} for lookups.`));
    const findings = run(disallowCredentialsInInstructions, subject);
    expect(findings).toEqual([
      {
        path: ["session", "instructions"],
        message:
          "session.instructions contains what looks like an OpenAI API key; credentials must not be placed in text the model reads.",
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain("TESTONLY");
  });

  it.each([
    ["ephemeral", "OpenAI ephemeral token"],
    ["webhook", "webhook secret"],
    ["aws", "AWS access key"],
    ["bearer", "bearer token"],
    ["privateKey", "private key"],
  ] as const)("names a %s by its kind", (key, kind) => {
    const subject = changed("ClientSecret", (p) => (p.session.instructions = `secret: ${FAKE[key]}`));
    expect(run(disallowCredentialsInInstructions, subject)[0]?.message).toBe(
      `session.instructions contains what looks like ${kind.startsWith("OpenAI") || kind.startsWith("AWS") ? "an" : "a"} ${kind}; credentials must not be placed in text the model reads.`,
    );
  });

  it("looks into prompt variables", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.prompt = { id: "pmpt_1", variables: { token: { type: "input_text", text: FAKE.ephemeral } } };
    });
    expect(run(disallowCredentialsInInstructions, subject)[0]?.path).toEqual([
      "session",
      "prompt",
      "variables",
      "token",
      "text",
    ]);
  });

  it("looks into tool descriptions", () => {
    const subject = changed("RealtimeSession", (p) => {
      p.session.tools = [{ type: "function", name: "lookup", description: `Header: ${FAKE.bearer}` }];
    });
    expect(run(disallowCredentialsInInstructions, subject)[0]?.message).toBe(
      "session.tools[0].description contains what looks like a bearer token; credentials must not be placed in text the model reads.",
    );
  });

  it("does not flag prose that merely mentions a prefix", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.instructions = "Explain sk-learn and ek_ prefixes."));
    expect(run(disallowCredentialsInInstructions, subject)).toEqual([]);
  });
});
