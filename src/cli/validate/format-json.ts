import { displayPath, exitCode, tally, type ValidationReport } from "./report";

/**
 * The report as JSON for scripts: `{ files, results, summary: { errors, warnings, suppressed, exitCode } }`.
 *
 * @example
 * const { results } = JSON.parse(formatJson(report, process.cwd()));
 */
export function formatJson(report: ValidationReport, cwd: string): string {
  const output = {
    files: report.files.map((file) => displayPath(file, cwd)),
    results: report.results.map((r) => ({ ...r, file: displayPath(r.file, cwd) })),
    summary: { ...tally(report), exitCode: exitCode(report) },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
