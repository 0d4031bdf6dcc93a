// Shared by the benchmark scripts: a throwaway Pulumi project on a file
// backend, timing, medians and the one-line JSON report `run.ts` collects.
//
// CommonJS on purpose (the package is `type: commonjs`), so Node 24 runs the
// scripts with type stripping alone, no compiler in the loop.
const { execFile } = require("node:child_process") as typeof import("node:child_process");
const fs = require("node:fs") as typeof import("node:fs");
const os = require("node:os") as typeof import("node:os");
const path = require("node:path") as typeof import("node:path");
const { promisify } = require("node:util") as typeof import("node:util");

const ROOT = path.resolve(__dirname, "..");
const local = require(path.join(ROOT, "scripts", "local-pulumi.js"));
const execFileAsync = promisify(execFile);

/** A table the runner renders as markdown. */
interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  note?: string;
}

/** A fresh project folder (own backend and PULUMI_HOME) with the repo's node_modules. */
function project(files: Record<string, string>, extraEnv: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "por-bench-"));
  const dir = path.join(root, "project");
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const env = local.pulumiEnv(path.join(root, "state"), {
    NODE_OPTIONS: undefined,
    OPENAI_ORG_ID: undefined,
    OPENAI_PROJECT_ID: undefined,
    ...extraEnv,
  });
  return {
    dir,
    /** Runs `pulumi <args>`; resolves with the wall time in seconds and stdout. */
    async pulumi(...args: string[]): Promise<{ seconds: number; stdout: string }> {
      const started = performance.now();
      try {
        const { stdout } = await execFileAsync("pulumi", [...args, "--non-interactive"], {
          cwd: dir,
          env,
          maxBuffer: 256 << 20,
        });
        return { seconds: (performance.now() - started) / 1000, stdout };
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string };
        throw new Error(`pulumi ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
      }
    },
    /** Bytes of the checkpoint file the engine rewrites after every step. */
    checkpointBytes(): number {
      const stacks = path.join(root, "state", "backend", ".pulumi", "stacks");
      let total = 0;
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith(".json")) total += fs.statSync(p).size;
        }
      };
      if (fs.existsSync(stacks)) walk(stacks);
      return total;
    },
    remove(): void {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** The p-th percentile (nearest rank) of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Load average and machine facts reported beside every figure. */
function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg().map((x) => round(x)),
    date: new Date().toISOString(),
  };
}

/** Prints the report: tables as text, and with `--json` one JSON line last. */
function report(bench: string, json: boolean, body: { tables: Table[]; figures: unknown }): void {
  for (const t of body.tables) {
    console.error(`\n${t.title}`);
    console.error(t.columns.join(" | "));
    for (const r of t.rows) console.error(r.join(" | "));
    if (t.note) console.error(t.note);
  }
  if (json) console.log(JSON.stringify({ bench, machine: machine(), ...body }));
}

module.exports = { ROOT, project, median, percentile, round, machine, report };
