// The provider's check on the bad-input sample of `pulumi preview`
// (test/integration/validate/bad-input-preview.test.ts runs two of these
// cases through the engine): every schema area is refused, naming the field
// in the reason the engine prints.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { check } from "../../../src/provider/handlers";
import { BAD_RESOURCE_ARGS } from "../../integration/validate/bad-input-cases";

describe("check refuses the bad-input sample", () => {
  beforeEach(() => {
    for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"]) vi.stubEnv(name, undefined);
  });

  it("covers every area the preview sample names", () => {
    expect(new Set(BAD_RESOURCE_ARGS.map((c) => c.area))).toEqual(new Set(["range", "enum", "unknown field", "type", "session type"]));
  });

  it.each(BAD_RESOURCE_ARGS.map((c) => [`${c.area}: ${c.kind} ${c.field}`, c] as const))("%s", (_, c) => {
    const { failures } = check(c.kind, { ...c.args, __provider: "exports.handler = ..." });
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((f) => f.reason).join("\n")).toContain(`'${c.field}'`);
  });

  it("refuses a rule between two fields with the message the engine prints (errors.test.ts previews single-field ones)", () => {
    const { failures } = check("ClientSecret", { session: { type: "realtime", model: "gpt-realtime" }, expiresAfterSeconds: 60, rotateBeforeSeconds: 60 });
    expect(failures).toEqual([
      {
        property: "rotateBeforeSeconds",
        reason: "Invalid 'rotateBeforeSeconds': 60 must be less than expiresAfterSeconds (60), or every update would re-mint the secret.",
      },
    ]);
    expect(check("ClientSecret", { session: { type: "realtime", model: "gpt-realtime" }, expiresAfterSeconds: 60, rotateBeforeSeconds: 59 }).failures).toEqual([]);
  });

  it("passes the same arguments once they are fixed", () => {
    expect(check("SessionTemplate", { session: { type: "realtime", model: "gpt-realtime", audio: { output: { speed: 1.2 } } } }).failures).toEqual([]);
    expect(check("ClientSecret", { session: { type: "realtime", model: "gpt-realtime" }, expiresAfterSeconds: 60 }).failures).toEqual([]);
    expect(check("TranscriptionSession", { session: { input_audio_transcription: { model: "gpt-4o-transcribe" } } }).failures).toEqual([]);
  });
});
