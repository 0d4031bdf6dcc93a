// The guard fails a whole vitest run in which any test reached for a
// non-loopback host, even one that caught the error and passed: a nested
// run of one planted test file, with the suite's own global setup.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "por-nested-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function nestedRun(testBody: string): Promise<{ code: number; output: string }> {
  const dir = fs.mkdtempSync(path.join(tmp, "run-"));
  fs.writeFileSync(
    path.join(dir, "vitest.config.mjs"),
    `export default { test: ${JSON.stringify({
      include: ["planted.test.mjs"],
      globalSetup: [path.join(repoRoot, "test", "global-setup.ts")],
      setupFiles: [path.join(repoRoot, "test", "helpers", "worker-setup.ts")],
      pool: "forks",
    })} };\n`,
  );
  fs.writeFileSync(path.join(dir, "planted.test.mjs"), `import { it } from "vitest";\n${testBody}\n`);
  const vitest = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs");
  try {
    const { stdout, stderr } = await run(process.execPath, [vitest, "run", "--root", dir, "--config", "vitest.config.mjs"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: (e.stdout ?? "") + (e.stderr ?? "") };
  }
}

describe("a vitest run with the suite's global setup", { timeout: 180_000 }, () => {
  it("fails when a passing test tried to reach api.openai.com", async () => {
    const { code, output } = await nestedRun(
      `it("swallows the error", async () => { await fetch("https://api.openai.com/v1/models").catch(() => undefined); });`,
    );
    expect(output).toMatch(/1 passed/);
    expect(output).toContain("network guard: 1 connection(s) to non-loopback hosts were attempted during the run:");
    expect(output).toContain("api.openai.com:443");
    expect(code).toBe(1);
  });

  it("passes when every connection stays on loopback (the control)", async () => {
    const { code, output } = await nestedRun(
      `import { createServer } from "node:http";
it("talks to loopback", async () => {
  const server = createServer((_q, r) => r.end("ok"));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const res = await fetch("http://127.0.0.1:" + server.address().port + "/");
  if ((await res.text()) !== "ok") throw new Error("no answer");
  server.close();
});`,
    );
    expect(output).not.toContain("network guard");
    expect(code, output).toBe(0);
  });
});
