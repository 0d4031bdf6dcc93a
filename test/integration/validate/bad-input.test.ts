// Issue-style table of invalid configs: every one refused by `validate` with the field named,
// never a crash or a stack trace.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { BAD_INPUTS } from "./bad-input-cases";
import { STACK_TRACE } from "./cli";

const RESULT_LINE = /^realtime\.yaml:\d+:\d+: (error|warning|suppressed) \[[^\]]+\]( \S+)*: .+$/;

async function validate(yaml: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-bad-input-"));
  fs.writeFileSync(path.join(dir, "realtime.yaml"), yaml);
  const cwd = process.cwd();
  let stdout = "";
  let stderr = "";
  process.chdir(dir);
  try {
    const code = await main(["validate", "realtime.yaml"], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("validate refuses bad input", () => {
  it("covers every area with at least 40 configs", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUTS.map((c) => c.area))).toEqual(
      new Set(["type", "range", "enum", "unknown field", "session type", "reference", "yaml"]),
    );
  });

  it.each(BAD_INPUTS.map((c) => [`${c.area}: ${c.name}`, c] as const))("%s", async (_, c) => {
    const run = await validate(c.yaml);
    expect(run.code, run.stdout + run.stderr).toBe(c.code);
    expect(run.stderr).toBe("");
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    const lines = run.stdout.trimEnd().split("\n");
    const results = lines.slice(0, -1);
    expect(results.length).toBeGreaterThan(0);
    for (const line of results) expect(line).toMatch(RESULT_LINE);
    const errors = results.filter((line) => / error \[/.test(line));
    if (c.field !== "") expect(errors.some((line) => line.includes(c.field)), run.stdout).toBe(true);
    else expect(errors.some((line) => line.includes("error [syntax]")), run.stdout).toBe(true);
  });
});
