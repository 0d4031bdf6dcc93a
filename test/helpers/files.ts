// The one folder walk of the test helpers and checks: the secret scan's
// backend files, the precompiled fixtures, the stale-build check and the
// npm-scripts check all list files with it.
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Every file under `dir` (full paths, depth first), without entering folders
 * whose name is in `skip`; none when `dir` does not exist.
 *
 * @example
 * const pages = filesUnder("docs").filter((file) => file.endsWith(".md"));
 */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) out.push(...filesUnder(full, skip));
    } else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** A TypeScript source file, not a declaration file. */
export function isTypeScriptSource(file: string): boolean {
  return file.endsWith(".ts") && !file.endsWith(".d.ts");
}
