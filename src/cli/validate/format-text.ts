import { displayPath, tally, type ValidationReport } from "./report";

/**
 * One line per problem, `file:line:col: level [rule] entry field: message`, which editors and CI
 * logs turn into links, then a summary line.
 *
 * @example
 * // realtime.yaml:9:5: error [OAIRT003] clientSecrets.web expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds.
 * io.stdout(formatText(report, process.cwd()));
 */
export function formatText(report: ValidationReport, cwd: string): string {
  const lines = report.results.map((r) => {
    const where = `${displayPath(r.file, cwd)}:${r.line}:${r.column}`;
    const level = r.suppressed === undefined ? r.level : "suppressed";
    const rule = r.ruleName === undefined ? `[${r.ruleId}]` : `[${r.ruleId} ${r.ruleName}]`;
    const field = r.entry !== undefined && r.path.startsWith(`${r.entry}.`) ? r.path.slice(r.entry.length + 1) : r.path;
    const subject = r.entry === undefined ? field : `${r.entry} ${field === r.entry ? "" : field}`.trimEnd();
    const suffix =
      r.suppressed === undefined
        ? ""
        : ` (suppressed: ${r.suppressed.reason}${r.suppressed.until === undefined ? "" : `, until ${r.suppressed.until}`})`;
    return `${where}: ${level} ${rule}${subject === "" ? "" : ` ${subject}`}: ${r.message}${suffix}`;
  });
  const { errors, warnings, suppressed } = tally(report);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const files = plural(report.files.length, "file");
  lines.push(
    errors + warnings + suppressed === 0
      ? `No problems in ${files}.`
      : `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${suppressed} suppressed in ${files}.`,
  );
  return `${lines.join("\n")}\n`;
}
