import * as path from "node:path";
import type { ConfigProblem } from "./types";

/**
 * A problem as one line, `file:line:column: message`, the file relative to
 * `cwd` when it lies below it.
 *
 * @example
 * formatProblem(problem); // "realtime.yaml:4:15: Unknown template 'concierg' in 'clientSecrets.web.template'. ..."
 */
export function formatProblem(problem: ConfigProblem, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, problem.file));
  const file = relative.startsWith("..") || path.isAbsolute(relative) ? problem.file : relative;
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}
