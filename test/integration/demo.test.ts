// The README's first quickstart command, minus setup and build (npm test
// has done both): the demo deploys the root project against the emulator.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-pulumi.js";

const run = promisify(execFile);
const stack = `demo-test-${process.pid}`;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "por-demo-"));

describe("npm run demo", { timeout: 300_000 }, () => {
  afterAll(() => {
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(path.join(repoRoot, `Pulumi.${stack}.yaml`), { force: true });
  });

  it("deploys every section of the example stack and prints its outputs", async () => {
    const { stdout } = await run(process.execPath, [path.join(repoRoot, "scripts", "demo.js")], {
      cwd: repoRoot,
      env: { ...process.env, DEMO_STACK: stack, DEMO_STATE_DIR: stateDir, PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toMatch(/Realtime API emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1/);
    const json = stdout.slice(stdout.lastIndexOf("\n{\n") + 1);
    const outputs = JSON.parse(json) as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(outputs).sort()).toEqual([
      "clientSecrets",
      "realtimeSessions",
      "stack",
      "templates",
      "transcriptionSessions",
      "translationClientSecrets",
    ]);
    expect(outputs.clientSecrets?.web?.value).toBe("[secret]");
    expect(outputs.templates?.concierge?.model).toBe("gpt-realtime");
    expect(stdout).not.toMatch(/ek_[A-Za-z0-9]/);
  });
});
