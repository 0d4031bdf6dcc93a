// `npm run test:live` without a key (as here, and in CI) runs nothing and
// says why in one line; `npm test` never includes the live files.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../../..");

describe("npm run test:live", { timeout: 120_000 }, () => {
  it("skips every live test with a one-line reason when OPENAI_API_KEY is not set", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.FORCE_COLOR;
    delete env.OPENAI_API_KEY;
    delete env.CI;
    const { stdout } = await run("npm", ["run", "--silent", "test:live"], { cwd: root, env });
    expect(stdout).toContain("test:live skipped: OPENAI_API_KEY is not set (live tests call the real OpenAI API with it)");
    expect(stdout).toMatch(/Tests\s+(\d+) skipped \(\1\)/);
    expect(stdout).not.toMatch(/passed|failed/);
  });

  it("says it never runs in CI, even with a key", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "test:live"], {
      cwd: root,
      env: { ...process.env, CI: "true", OPENAI_API_KEY: "sk-never-sent-in-ci-0000" },
    });
    expect(stdout).toContain("test:live skipped: CI is set (live tests call the real OpenAI API and never run in CI)");
    expect(stdout).not.toContain("sk-never-sent-in-ci-0000");
  });
});
