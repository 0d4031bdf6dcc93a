// Reads the file the network guard appends refused connections to.
import * as fs from "node:fs";

/** One connection the guard refused. */
export interface RefusedConnection {
  host: string;
  port: unknown;
  pid: number;
  argv: string[];
}

/**
 * The connections recorded in `file` (JSON lines), oldest first; none when
 * the file does not exist.
 *
 * @example
 * expect(refusedConnections(log)).toEqual([]);
 */
export function refusedConnections(file: string): RefusedConnection[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RefusedConnection);
}
