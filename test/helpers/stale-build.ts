// Decides whether dist/ is older than the sources it is compiled from, so
// the tests never load a stale build after an edit to src/.
import * as fs from "node:fs";
import * as path from "node:path";

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Source files (relative to `root`) whose compiled `dist/` file is missing
 * or older than them, or than the compiler settings; empty when dist/ is
 * current.
 *
 * @example
 * if (staleOutputs(repoRoot).length > 0) execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"]);
 */
export function staleOutputs(root: string): string[] {
  const settings = Math.max(...["tsconfig.build.json", "tsconfig.browser.json", "tsconfig.base.json"].map((f) => mtime(path.join(root, f))));
  const src = path.join(root, "src");
  return sources(src)
    .filter((file) => {
      const out = path.join(root, "dist", path.relative(src, file)).replace(/\.ts$/, ".js");
      const built = mtime(out);
      return built < mtime(file) || built < settings;
    })
    .map((file) => path.relative(root, file));
}
