// The suite's cost record (test/helpers/cost.ts) and its table
// (scripts/test-cost.js): child CPU comes from the kernel's count for this
// process, so a child that burns CPU must show up in it.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { formatCostTable } from "../../../scripts/test-cost.js";
import { FileCostRecord, reapedChildCpuSeconds, referenceCpuSeconds } from "../../helpers/cost";

/** Runs a Node child that spins for `ms` of CPU time. */
function burn(ms: number): void {
  const script = `const end = process.cpuUsage().user + ${ms * 1000}; while (process.cpuUsage().user < end) {}`;
  const result = spawnSync(process.execPath, ["-e", script], { env: { PATH: process.env.PATH ?? "" } });
  expect(result.status).toBe(0);
}

describe("test cost record", () => {
  it("counts a reaped child's CPU", () => {
    const before = reapedChildCpuSeconds();
    burn(300);
    expect(reapedChildCpuSeconds() - before).toBeGreaterThanOrEqual(0.25);
  });

  it("records each measured run once, with its wall and CPU seconds", () => {
    const record = new FileCostRecord("some.test.ts");
    const done = record.startPulumiRun("up");
    burn(200);
    done();
    done();
    // A command that does not run the engine counts as a pulumi process only.
    record.startPulumiRun("stack")();
    burn(100);
    const cost = record.cost();
    expect(cost.file).toBe("some.test.ts");
    expect(cost.pulumiRuns).toBe(2);
    expect(cost.engineRuns).toBe(1);
    expect(cost.pulumiCpuSeconds).toBeGreaterThanOrEqual(0.15);
    expect(cost.pulumiWallSeconds).toBeGreaterThanOrEqual(cost.pulumiCpuSeconds - 0.05);
    // Child CPU covers the unmeasured child too.
    expect(cost.childCpuSeconds).toBeGreaterThanOrEqual(cost.pulumiCpuSeconds + 0.05);
  });

  it("prints the costliest files and the run's totals", () => {
    const row = (file: string, wallSeconds: number, pulumiRuns: number) => ({
      file,
      wallSeconds,
      pulumiRuns,
      engineRuns: pulumiRuns - 1,
      pulumiWallSeconds: wallSeconds / 2,
      pulumiCpuSeconds: 1,
      childCpuSeconds: 2,
      workerCpuSeconds: 0.5,
    });
    const text = formatCostTable({ runWallSeconds: 30, files: [row("b.test.ts", 20, 4), row("a.test.ts", 10, 1)] }, 1);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("test cost: the 1 files that took longest");
    expect(lines[2]).toMatch(/^\s+20\.0\s+4\s+3\s+10\.0\s+1\.0\s+2\.0\s+0\.5\s+b\.test\.ts$/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      "all 2 files: 30.0 s of file wall time, 5 pulumi processes, 3 running the engine (15.0 s wall, 2.0 s CPU), 4.0 s child CPU, 1.0 s worker CPU; run 30.0 s",
    );
    // With the machine's speed at the start, the pulumi CPU in units of it.
    const timed = formatCostTable({ runWallSeconds: 30, referenceCpuSeconds: 0.5, files: [row("b.test.ts", 20, 4), row("a.test.ts", 10, 1)] }, 1);
    expect(timed.trimEnd().split("\n")[4]).toBe(
      "speed reference: a Node process loading @pulumi/pulumi took 0.50 s of CPU at the start; the pulumi processes took 4 times that (compare this across runs)",
    );
  });

  it("measures the machine's speed as the CPU of loading @pulumi/pulumi", () => {
    const seconds = referenceCpuSeconds(1);
    expect(seconds).toBeGreaterThan(0.05);
    expect(seconds).toBeLessThan(30);
  });
});

describe("npm run test:cost", () => {
  const root = path.resolve(__dirname, "../../..");
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, encoding: "utf8", env: process.env });

  it("prints its usage with --help, through npm as the docs print it", () => {
    const result = run("npm", ["run", "--silent", "test:cost", "--", "--help"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("usage: npm run test:cost [-- [--top N] [--json]]");
    expect(result.stdout).toContain("--top N");
  });

  it("refuses an unknown option by name, with the allowed ones and no stack trace", () => {
    const result = run(process.execPath, ["scripts/test-cost.js", "--bogus"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("test-cost: unknown option '--bogus'; allowed: --top N, --json, --help\n");
  });
});
