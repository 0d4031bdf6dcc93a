// Time of `validate` on a realtime.yaml of N templates (default 100), each with a client secret
// and a call route: in-process (load + rules + SARIF) and as the CLI a PR pipeline runs
// (`node dist/cli/main.js validate`, process start included). Target: 100 templates under 300 ms
// in-process. Not part of the test suite.
//
//   npm run build && node bench/validate.ts [--templates 100] [--runs 20]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone;
// the type-only import makes the file a module for the type checker.
import type { ValidationReport } from "../src/cli/validate/report";

const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
const fs = require("node:fs") as typeof import("node:fs");
const os = require("node:os") as typeof import("node:os");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");

const ROOT = path.resolve(__dirname, "..");
const { loadRealtimeConfig } = require(path.join(ROOT, "dist", "config"));
const { resolvePolicyConfig } = require(path.join(ROOT, "dist", "rules"));
const { evaluateConfig } = require(path.join(ROOT, "dist", "cli", "validate", "evaluate"));
const { formatSarif } = require(path.join(ROOT, "dist", "cli", "validate", "format-sarif"));

const { values } = parseArgs({
  options: {
    templates: { type: "string", default: "100" },
    runs: { type: "string", default: "20" },
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
  },
});
const COUNT = values.quick ? 10 : Number(values.templates);
const RUNS = values.quick ? 2 : Number(values.runs);

function config(count: number): string {
  const lines = ["templates:"];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  agent${i}:`,
      "    session:",
      "      type: realtime",
      "      model: gpt-realtime",
      `      instructions: "You are agent ${i}. Answer briefly and politely."`,
      "      max_output_tokens: 1024",
      "      audio:",
      "        input: { transcription: { model: gpt-4o-transcribe }, turn_detection: { type: semantic_vad } }",
      "        output: { voice: marin, speed: 1.1 }",
      "      tools:",
      "        - { type: function, name: lookup_order, description: Finds an order., parameters: { type: object } }",
    );
  }
  lines.push("clientSecrets:");
  for (let i = 0; i < count; i++) {
    // Every tenth secret breaks the TTL rule, so results are produced and formatted too.
    lines.push(`  web${i}:`, `    template: agent${i}`, `    expiresAfterSeconds: ${i % 10 === 0 ? 3600 : 600}`, "    rotateBeforeSeconds: 120");
  }
  lines.push("callRoutes:");
  for (let i = 0; i < count; i++) lines.push(`  - { match: { to: "sip:+1415${i}*" }, action: accept, template: agent${i} }`);
  return `${lines.join("\n")}\n`;
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, min ${at(0).toFixed(1)} ms`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-bench-validate-"));
const file = path.join(dir, "realtime.yaml");
fs.writeFileSync(file, config(COUNT));
const policy = resolvePolicyConfig({});
if (!policy.ok) throw new Error(policy.errors.join("\n"));

const inProcess: number[] = [];
let results = 0;
for (let run = 0; run <= RUNS; run++) {
  const start = performance.now();
  const report: ValidationReport = evaluateConfig(loadRealtimeConfig(file), policy.rules, new Date().toISOString().slice(0, 10));
  formatSarif(report, dir);
  const elapsed = performance.now() - start;
  results = report.results.length;
  if (run > 0) inProcess.push(elapsed); // the first run warms up the JIT and module cache
}

const cli: number[] = [];
for (let run = 0; run < Math.min(RUNS, 10); run++) {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "validate", "realtime.yaml", "--format", "sarif"], {
      cwd: dir,
      stdio: "ignore",
    });
  } catch {
    // Exit 1 is expected: the config has TTL findings on purpose.
  }
  cli.push(performance.now() - start);
}

const bytes = fs.statSync(file).size;
// With --json, the runner (bench/run.ts) reads the one JSON line on stdout.
const log = values.json ? console.error : console.log;
log(`validate: ${COUNT} templates, ${COUNT} client secrets, ${COUNT} routes (${(bytes / 1024).toFixed(0)} KiB), ${results} results`);
log(`  in-process (load + rules + SARIF), ${RUNS} runs: ${stats(inProcess)}`);
log(`  CLI process (node dist/cli/main.js validate --format sarif), ${cli.length} runs: ${stats(cli)}`);
fs.rmSync(dir, { recursive: true, force: true });
if (values.json) {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const min = (xs: number[]) => Math.min(...xs);
  const ms = (x: number) => Number(x.toFixed(1));
  const table = {
    title: `validate on ${COUNT} templates (ms)`,
    columns: ["templates", "in-process median", "in-process min", "CLI process median", "CLI min"],
    rows: [[COUNT, ms(med(inProcess)), ms(min(inProcess)), ms(med(cli)), ms(min(cli))]],
  };
  console.log(JSON.stringify({ bench: "validate", tables: [table], figures: { count: COUNT, runs: RUNS, inProcess, cli, results } }));
}
