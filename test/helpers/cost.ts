// Where a test file's time goes: how many `pulumi` processes it started,
// their wall and CPU seconds, and the CPU of every child process it reaped.
//
// Each vitest worker keeps one record per test file (reset before the file,
// written after it to the run's cost folder); the cost reporter reads the
// folder at the end of the run and prints the ten costliest files. Child CPU
// comes from the kernel's count of reaped children's time for this process
// (/proc/self/stat cutime + cstime): it includes everything a `pulumi` run
// started and waited for (language host, program, provider plugins).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROGRAM_COMMANDS, repoRoot } from "../../scripts/local-pulumi.js";
import { NODE_COMPILE_CACHE } from "./safety";

/** The environment variable naming the run's cost folder (set by the global setup). */
export const COST_DIR_ENV = "POR_TEST_COST_DIR";

/** One test file's record, as the worker writes it. */
export interface FileCost {
  file: string;
  pulumiRuns: number;
  /** Of those, the runs of a command that runs the engine (up, preview, refresh, destroy, ...). */
  engineRuns: number;
  pulumiWallSeconds: number;
  /** CPU seconds of the `pulumi` runs, each measured as the children's CPU reaped while it ran. */
  pulumiCpuSeconds: number;
  /** CPU seconds of every child process the file's worker reaped while the file ran. */
  childCpuSeconds: number;
  /** CPU seconds of the worker process itself while the file ran. */
  workerCpuSeconds: number;
}

const TICKS_PER_SECOND = Number(process.env.POR_CLK_TCK ?? 100);

/** CPU seconds of this process's reaped children so far (0 where /proc is missing). */
export function reapedChildCpuSeconds(): number {
  let stat: string;
  try {
    stat = fs.readFileSync("/proc/self/stat", "utf8");
  } catch {
    return 0;
  }
  // Fields after the command name's closing parenthesis start at field 3
  // (state); cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** The cost of one test file so far. */
export class FileCostRecord {
  private readonly startChildCpu = reapedChildCpuSeconds();
  private readonly startWorker = process.cpuUsage();
  private pulumiRuns = 0;
  private engineRuns = 0;
  private pulumiWall = 0;
  private pulumiCpu = 0;

  constructor(readonly file: string) {}

  /**
   * Measures one `pulumi` process running `command` (its first argument):
   * call before starting it, then call the returned function once it has
   * exited (and been reaped); later calls of that function are ignored.
   */
  startPulumiRun(command = ""): () => void {
    const started = performance.now();
    const cpu = reapedChildCpuSeconds();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pulumiRuns++;
      if (PROGRAM_COMMANDS.has(command)) this.engineRuns++;
      this.pulumiWall += (performance.now() - started) / 1000;
      this.pulumiCpu += reapedChildCpuSeconds() - cpu;
    };
  }

  /** The figures so far. */
  cost(): FileCost {
    const worker = process.cpuUsage(this.startWorker);
    return {
      file: this.file,
      pulumiRuns: this.pulumiRuns,
      engineRuns: this.engineRuns,
      pulumiWallSeconds: round(this.pulumiWall),
      pulumiCpuSeconds: round(this.pulumiCpu),
      childCpuSeconds: round(reapedChildCpuSeconds() - this.startChildCpu),
      workerCpuSeconds: round((worker.user + worker.system) / 1e6),
    };
  }
}

let current: FileCostRecord | undefined;

/** Starts the record of `file` (the worker setup calls it before each file). */
export function beginFile(file: string): void {
  current = new FileCostRecord(file);
}

/** Measures one `pulumi` process of the current file running `command` (see `FileCostRecord.startPulumiRun`). */
export function startPulumiRun(command?: string): () => void {
  return current?.startPulumiRun(command) ?? (() => {});
}

/** Ends the record of the current file and writes it to the run's cost folder, if there is one. */
export function endFile(): FileCost | undefined {
  const cost = current?.cost();
  current = undefined;
  const dir = process.env[COST_DIR_ENV];
  if (cost !== undefined && dir !== undefined && fs.existsSync(dir)) {
    const name = cost.file.replace(/[^A-Za-z0-9._-]+/g, "_").slice(-180);
    fs.writeFileSync(path.join(dir, `${name}.${process.pid}.json`), JSON.stringify(cost));
  }
  return cost;
}

/**
 * The machine's speed at the moment, as the CPU seconds a Node process takes
 * to load `@pulumi/pulumi` (with the suite's compile cache), the least of
 * `samples` tries. Every `pulumi` run starts such processes, so a run's
 * pulumi CPU divided by this figure compares across runs on a machine whose
 * speed drifts. 0 where /proc is missing.
 */
export function referenceCpuSeconds(samples = 3): number {
  const env = { ...process.env, NODE_COMPILE_CACHE, NODE_OPTIONS: "" };
  const taken: number[] = [];
  for (let i = 0; i < samples; i++) {
    const before = reapedChildCpuSeconds();
    const result = spawnSync(process.execPath, ["-e", 'require("@pulumi/pulumi")'], { cwd: repoRoot, env, stdio: "ignore" });
    if (result.status !== 0) throw new Error(`loading @pulumi/pulumi for the speed reference failed (${result.status ?? result.signal})`);
    taken.push(reapedChildCpuSeconds() - before);
  }
  return round(Math.min(...taken));
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
