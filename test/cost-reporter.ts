// Ends a run with where its time went: the ten test files that took longest,
// with the `pulumi` processes each started (count, how many ran the engine,
// wall and CPU seconds) and
// the CPU of all their child processes (see test/helpers/cost.ts), and the
// machine's speed at the start (referenceCpuSeconds). The whole
// table is kept in .vitest-cache/test-cost.json; `npm run test:cost` prints
// it again, `npm run test:cost -- --json` as JSON for scripts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { COST_DIR_ENV, type FileCost, referenceCpuSeconds } from "./helpers/cost";
import { formatCostTable, REPORT_FILE } from "../scripts/test-cost.js";

type FileCostRow = Parameters<typeof formatCostTable>[0]["files"][number];
const root = path.join(__dirname, "..");

export default class CostReporter implements Reporter {
  private dir: string | undefined;
  private started = 0;
  private reference = 0;

  onInit(): void {
    // The machine's speed before the tests load it (about 1.5 s).
    this.reference = referenceCpuSeconds();
    this.started = performance.now();
    // Workers are forked after this, so they inherit the folder's name.
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-cost-"));
    process.env[COST_DIR_ENV] = this.dir;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (this.dir === undefined) return;
    const costs = new Map<string, FileCost>();
    for (const name of fs.readdirSync(this.dir)) {
      const cost = JSON.parse(fs.readFileSync(path.join(this.dir, name), "utf8")) as FileCost;
      costs.set(cost.file, cost);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    const files: FileCostRow[] = testModules.map((module) => {
      const cost = costs.get(module.moduleId);
      return {
        file: path.relative(root, module.moduleId),
        wallSeconds: Math.round(module.diagnostic().duration / 10) / 100,
        pulumiRuns: cost?.pulumiRuns ?? 0,
        engineRuns: cost?.engineRuns ?? 0,
        pulumiWallSeconds: cost?.pulumiWallSeconds ?? 0,
        pulumiCpuSeconds: cost?.pulumiCpuSeconds ?? 0,
        childCpuSeconds: cost?.childCpuSeconds ?? 0,
        workerCpuSeconds: cost?.workerCpuSeconds ?? 0,
      };
    });
    files.sort((a, b) => b.wallSeconds - a.wallSeconds);
    const report = {
      runWallSeconds: Math.round((performance.now() - this.started) / 10) / 100,
      referenceCpuSeconds: this.reference,
      files,
    };
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${formatCostTable(report, 10)}`);
  }
}
