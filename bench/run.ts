// `npm run bench`: runs every benchmark script of a known list that exists,
// each with `--json` (plus this command's own arguments, e.g. `--quick`),
// collects the JSON line each prints last, and writes
// `bench/results/<date>.json` and `bench/results/<date>.md`.
//
//   npm run bench                       # full sizes; long (N = 500 runs)
//   npm run bench -- --quick            # tiny sizes: proves every script still runs
//   npm run bench -- --smoke            # --quick, and the least each script can run that
//                                       # still goes through its code (npm test runs this)
//   npm run bench -- --only pulumi-up --runs 5 --sizes 200,500
//   npm run bench -- --quick --out /tmp/bench   # write results elsewhere
//
// A script plugs in by being listed below and printing, with `--json`, one
// line `{"bench": name, "tables": [{title, columns, rows, note?}], "figures": {...}}`.
// Arguments a script does not know are its own business: each script is run
// with the arguments after `--` as given, so unknown ones must be ignored
// (parseArgs with `strict: false`) or listed in SCRIPT_ARGS.
const { spawn } = require("node:child_process") as typeof import("node:child_process");
const fs = require("node:fs") as typeof import("node:fs");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");
const { ROOT, machine } = require("./lib.ts");

/** Benchmark scripts, in the order they run; missing ones are skipped. */
const SCRIPTS = ["pulumi-up", "example-preview", "client", "validate", "router-burst", "router-match", "emulator-load", "tokens"];
/** Which of this command's options each script accepts (besides --json and --quick). */
const SCRIPT_ARGS: Record<string, string[]> = {
  "pulumi-up": ["sizes", "runs", "noop-size", "variants"],
  "example-preview": ["runs"],
  validate: ["runs"],
};
/** Scripts with a `--smoke` setting smaller than `--quick` (the others get `--quick`). */
const SMOKE = ["pulumi-up", "client"];

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string" },
    sizes: { type: "string" },
    runs: { type: "string" },
    "noop-size": { type: "string" },
    variants: { type: "string" },
  },
});

interface Report {
  bench: string;
  machine?: unknown;
  tables?: Array<{ title: string; columns: string[]; rows: unknown[][]; note?: string }>;
  figures?: unknown;
}

function runScript(name: string): Promise<Report> {
  const args = [path.join(ROOT, "bench", `${name}.ts`), "--json"];
  if (opts.quick || opts.smoke) args.push("--quick");
  if (opts.smoke && SMOKE.includes(name)) args.push("--smoke");
  for (const key of SCRIPT_ARGS[name] ?? []) {
    const value = (opts as Record<string, unknown>)[key];
    if (typeof value === "string") args.push(`--${key}`, value);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      if (code !== 0 || !line) return reject(new Error(`bench/${name}.ts exited with ${code} and no JSON report`));
      resolve(JSON.parse(line) as Report);
    });
  });
}

function markdown(reports: Report[], started: ReturnType<typeof machine>, ended: ReturnType<typeof machine>): string {
  const lines = [
    `# Benchmark results, ${started.date.slice(0, 10)}`,
    "",
    `Node ${started.node}, ${started.cpus} cores, load average ${started.loadavg.join(" / ")} at start and ` +
      `${ended.loadavg.join(" / ")} at the end (1 / 5 / 15 min). Produced by \`npm run bench\`; ` +
      "the JSON beside this file holds every run.",
  ];
  for (const r of reports) {
    lines.push("", `## ${r.bench}`);
    // A script that prints figures without tables is shown as its JSON.
    if (!r.tables?.length) lines.push("", "```json", JSON.stringify(r.figures ?? r, null, 2), "```");
    for (const t of r.tables ?? []) {
      lines.push("", `**${t.title}**`, "", `| ${t.columns.join(" | ")} |`, `| ${t.columns.map(() => "---").join(" | ")} |`);
      for (const row of t.rows) lines.push(`| ${row.join(" | ")} |`);
      if (t.note) lines.push("", t.note);
    }
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const started = machine();
  const wanted = opts.only ? opts.only.split(",") : SCRIPTS;
  const reports: Report[] = [];
  for (const name of wanted) {
    if (!fs.existsSync(path.join(ROOT, "bench", `${name}.ts`))) continue;
    console.error(`\n== bench/${name}.ts`);
    reports.push(await runScript(name));
  }
  const ended = machine();
  const outDir = opts.out ?? path.join(ROOT, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const stem = path.join(outDir, `${started.date.slice(0, 10)}${opts.smoke ? "-smoke" : opts.quick ? "-quick" : ""}`);
  fs.writeFileSync(`${stem}.json`, `${JSON.stringify({ started, ended, reports }, null, 2)}\n`);
  const md = markdown(reports, started, ended);
  fs.writeFileSync(`${stem}.md`, md);
  console.log(md);
  console.log(`written: ${path.relative(process.cwd(), stem)}.json and .md`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
