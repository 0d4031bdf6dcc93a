// examples/yaml-only and examples/transcription-desk, as a user runs them:
// up, a preview with no changes, destroy. Neither has any TypeScript.
// examples/yaml-only is checked to be exactly what `init --yaml` writes, and
// test/integration/config/init.test.ts deploys that scaffold (from the packed
// package, as a user installs it), previews no changes and destroys it: the
// example itself is not deployed a second time here.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { useStack } from "../../helpers/stack";

const run = promisify(execFile);
const API_KEY = "sk-yaml-examples-3a0c";
type Outputs = Record<string, Record<string, Record<string, unknown>>>;

describe("examples/yaml-only", { timeout: 300_000 }, () => {
  it("is exactly what `init --yaml` writes", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "por-init-")), "yaml-only");
    await run(process.execPath, [path.join(repoRoot, "dist", "cli", "main.js"), "init", dir, "--yaml"]);
    const example = path.join(repoRoot, "examples", "yaml-only");
    expect(fs.readdirSync(example).sort()).toEqual(fs.readdirSync(dir).sort());
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(example, file), "utf8"), file).toBe(fs.readFileSync(path.join(dir, file), "utf8"));
    }
  });
});

describe("examples/transcription-desk", { timeout: 300_000 }, () => {
  const stack = useStack("examples/transcription-desk", API_KEY);

  it("deploys the split realtime.yaml + realtime.d/, previews no changes and destroys", async () => {
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("+ 5 created");
    const out = (await stack.ws.outputs(true)) as Outputs;
    expect(Object.keys(out["templates"] ?? {})).toEqual(["english", "europe"]);
    const english = out["templates"]?.["english"]?.["session"] as { type: string; audio: { input: { transcription: { language: string } } } };
    expect(english.type).toBe("transcription");
    expect(english.audio.input.transcription.language).toBe("en");
    expect(Object.keys(out["clientSecrets"] ?? {})).toEqual(["english-captions", "europe-captions"]);
    const captions = out["clientSecrets"]?.["english-captions"] ?? {};
    expect(captions["value"]).toMatch(/^ek_/);
    expect((captions["expiresAt"] as number) - Date.now() / 1000).toBeGreaterThan(500);
    expect(((await stack.ws.outputs()) as Outputs)["clientSecrets"]?.["english-captions"]?.["value"]).toBe("[secret]");
    const preview = await stack.ws.run(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    const destroy = await stack.ws.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});
