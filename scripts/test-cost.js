#!/usr/bin/env node
// `npm run test:cost [-- [--top N] [--json]]`: where the last test run's time
// went, per test file, from the record the cost reporter (test/cost-reporter.ts)
// keeps in .vitest-cache/test-cost.json; see test/helpers/cost.ts for what is
// measured. The reporter prints the same table at the end of every run.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { parseArgs } = require("node:util");

const REPORT_FILE = path.join(__dirname, "..", ".vitest-cache", "test-cost.json");

/**
 * @typedef {{ file: string, wallSeconds: number, pulumiRuns: number, engineRuns?: number, pulumiWallSeconds: number,
 *   pulumiCpuSeconds: number, childCpuSeconds: number, workerCpuSeconds: number }} FileCostRow
 * @typedef {{ runWallSeconds: number, referenceCpuSeconds?: number, files: FileCostRow[] }} CostReport
 */

/**
 * The `top` costliest files (the report is sorted by wall time), then the
 * run's totals, as aligned text.
 * @param {CostReport} report
 * @param {number} top
 * @returns {string}
 */
function formatCostTable(report, top) {
  /** @param {(row: FileCostRow) => number} pick */
  const sum = (pick) => report.files.reduce((total, row) => total + pick(row), 0);
  const rows = report.files.slice(0, top);
  const header = ["wall s", "pulumi", "engine", "pulumi wall s", "pulumi cpu s", "child cpu s", "worker cpu s", "file"];
  const cells = rows.map((r) => [
    r.wallSeconds.toFixed(1),
    String(r.pulumiRuns),
    String(r.engineRuns ?? 0),
    r.pulumiWallSeconds.toFixed(1),
    r.pulumiCpuSeconds.toFixed(1),
    r.childCpuSeconds.toFixed(1),
    r.workerCpuSeconds.toFixed(1),
    r.file,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  /** @param {string[]} c */
  const line = (c) => c.map((v, i) => (i === c.length - 1 ? v : v.padStart(widths[i] ?? 0))).join("  ");
  const totals =
    `all ${report.files.length} files: ${sum((r) => r.wallSeconds).toFixed(1)} s of file wall time, ` +
    `${sum((r) => r.pulumiRuns)} pulumi processes, ${sum((r) => r.engineRuns ?? 0)} running the engine ` +
    `(${sum((r) => r.pulumiWallSeconds).toFixed(1)} s wall, ` +
    `${sum((r) => r.pulumiCpuSeconds).toFixed(1)} s CPU), ${sum((r) => r.childCpuSeconds).toFixed(1)} s child CPU, ` +
    `${sum((r) => r.workerCpuSeconds).toFixed(1)} s worker CPU; run ${report.runWallSeconds.toFixed(1)} s`;
  const reference = report.referenceCpuSeconds
    ? `speed reference: a Node process loading @pulumi/pulumi took ${report.referenceCpuSeconds.toFixed(2)} s of CPU at the start; ` +
      `the pulumi processes took ${Math.round(sum((r) => r.pulumiCpuSeconds) / report.referenceCpuSeconds)} times that (compare this across runs)\n`
    : "";
  return `test cost: the ${rows.length} files that took longest\n${line(header)}\n${cells.map(line).join("\n")}\n${totals}\n${reference}`;
}

const USAGE = `usage: npm run test:cost [-- [--top N] [--json]]

Where the last test run's time went, per test file, costliest first: the pulumi
processes each file started (how many, how many ran the engine, their wall and
CPU seconds), its child processes' CPU and the vitest worker's CPU, then the
run's totals and the machine's speed at the start. Reads the record that every
\`npm test\` or \`npx vitest run\` leaves in .vitest-cache/test-cost.json.

  --top N   the N costliest files (default 10)
  --json    the record as JSON, for scripts
  --help    this text
`;

/** @returns {{ json?: boolean, top: string, help?: boolean }} */
function parseOptions() {
  try {
    return parseArgs({
      options: { json: { type: "boolean" }, top: { type: "string", default: "10" }, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (error) {
    const { code, message } = /** @type {{ code?: string, message: string }} */ (error);
    const option = /'([^']+)'/.exec(message)?.[1];
    const why =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `unknown option '${option}'`
      : code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" ? `unexpected argument '${option}'`
      : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" ? `option '${option?.split(" ")[0]}' needs a value`
      : message;
    console.error(`test-cost: ${why}; allowed: --top N, --json, --help`);
    process.exit(2);
  }
}

function main() {
  const values = parseOptions();
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!fs.existsSync(REPORT_FILE)) {
    console.error(`test-cost: no record at ${path.relative(process.cwd(), REPORT_FILE)}: run the tests first (npm test, or npx vitest run <files>)`);
    process.exit(1);
  }
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) {
    console.error(`test-cost: --top must be a positive integer, got '${values.top}'`);
    process.exit(2);
  }
  /** @type {CostReport} */
  const report = JSON.parse(fs.readFileSync(REPORT_FILE, "utf8"));
  if (values.json) process.stdout.write(`${JSON.stringify({ ...report, files: report.files.slice(0, top) }, null, 2)}\n`);
  else process.stdout.write(formatCostTable(report, top));
}

module.exports = { formatCostTable, REPORT_FILE };

if (require.main === module) main();
