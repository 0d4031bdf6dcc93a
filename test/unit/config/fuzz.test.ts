// Any input yields a config or problems, never an exception: the loader and
// the schemas behind it are fed random text, random YAML documents and
// random edits of a valid file.
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ENTRY_SCHEMAS, loadRealtimeConfig, RealtimeConfigSchema, SECTIONS, type LoadedConfig } from "../../../src/config";
import { validate } from "../../../src/schemas";
import { VALID, writeTree } from "./files";

const dir = writeTree({});
const file = path.join(dir, "realtime.yaml");

function loadText(text: string): LoadedConfig {
  fs.writeFileSync(file, text);
  return loadRealtimeConfig(file, { env: { SET: "42" }, includeDir: false });
}

function expectWellFormed(loaded: LoadedConfig): void {
  for (const problem of loaded.problems) {
    expect(problem.file).toBe(file);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(["io", "syntax", "schema", "reference", "duplicate"]).toContain(problem.kind);
  }
  // A config without problems is one the file schema accepts as a whole.
  if (loaded.problems.length === 0) expect(RealtimeConfigSchema.safeParse(loaded.config).success).toBe(true);
}

// Values shaped like realtime.yaml: known section and field names, random leaves.
const words = fc.constantFrom(
  ...SECTIONS,
  "session",
  "type",
  "realtime",
  "transcription",
  "template",
  "action",
  "accept",
  "reject",
  "refer",
  "match",
  "audio",
  "output",
  "voice",
  "speed",
  "tools",
  "expiresAfterSeconds",
  "${env:SET}",
  "${env:UNSET}",
  "${secret:token}",
  "${x}",
  "a",
);
const leaf = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }), words);
const shaped = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("object"), tie("array")),
  object: fc.dictionary(fc.oneof(words, fc.string({ maxLength: 5 })), tie("value"), { maxKeys: 4 }),
  array: fc.array(tie("value"), { maxLength: 3 }),
})).object;

describe("realtime.yaml loader fuzzing", () => {
  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (text) => {
        expectWellFormed(loadText(text));
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on random YAML shaped like realtime.yaml", () => {
    fc.assert(
      fc.property(shaped, (value) => {
        expectWellFormed(loadText(stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on random edits of a valid file", () => {
    const edit = fc.record({
      at: fc.nat(VALID.length),
      remove: fc.nat(12),
      insert: fc.oneof(fc.constantFrom(":", "-", "{", "}", "[", "]", "'", '"', "\n", "  ", "&a", "*a", "#", "${", "!!int "), fc.string({ maxLength: 6 })),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = VALID;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        expectWellFormed(loadText(text));
      }),
      { numRuns: 200 },
    );
  });

  it("every entry schema answers any value with a result or issues", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECTIONS), fc.oneof(shaped, fc.anything()), (section, value) => {
        const result = validate(ENTRY_SCHEMAS[section], value, section);
        if (!result.ok) for (const issue of result.issues) expect(issue.message).toContain("'");
      }),
      { numRuns: 500 },
    );
  });
});
