import * as path from "node:path";

/** How a result counts: errors fail `validate`, warnings are shown only. */
export type Level = "error" | "warning";

/** Where a result comes from: a policy rule, or the loader's own checks. */
export type Origin = "rule" | "schema" | "reference" | "duplicate" | "syntax" | "io" | "suppression";

/** One problem `validate` reports. */
export interface ValidationResult {
  /** The rule id (`OAIRT003`) or, for the loader's checks, the origin (`schema`). */
  ruleId: string;
  /** The policy name, for rule results. */
  ruleName?: string;
  origin: Origin;
  level: Level;
  file: string;
  line: number;
  column: number;
  /** `templates.concierge`; absent for file-level problems. */
  entry?: string;
  /** Dotted field path from the file root. */
  path: string;
  message: string;
  /** Present when an inline suppression holds for this result. */
  suppressed?: { reason: string; until?: string };
}

/** Everything one run of `validate` found. */
export interface ValidationReport {
  files: string[];
  results: ValidationResult[];
  /** An unreadable file or broken YAML: exit code 2. */
  unusable: boolean;
}

/** Exit codes: 0 clean, 1 problems, 2 unusable input. */
export function exitCode(report: ValidationReport): 0 | 1 | 2 {
  if (report.unusable) return 2;
  return report.results.some((r) => r.level === "error" && r.suppressed === undefined) ? 1 : 0;
}

/** Counts for summaries. */
export function tally(report: ValidationReport): { errors: number; warnings: number; suppressed: number } {
  const open = report.results.filter((r) => r.suppressed === undefined);
  return {
    errors: open.filter((r) => r.level === "error").length,
    warnings: open.filter((r) => r.level === "warning").length,
    suppressed: report.results.length - open.length,
  };
}

/**
 * A file as `validate` prints it: relative to `cwd` with forward slashes when inside it (what
 * editors and GitHub code scanning resolve), else absolute.
 */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join("/");
}
