// Decides whether dist/ is older than the sources it is compiled from, so
// the tests never load a stale build after an edit to src/.
import * as fs from "node:fs";
import * as path from "node:path";
import { filesUnder, isTypeScriptSource } from "./files";

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
  return filesUnder(src)
    .filter(isTypeScriptSource)
    .filter((file) => {
      const out = path.join(root, "dist", path.relative(src, file)).replace(/\.ts$/, ".js");
      const built = mtime(out);
      return built < mtime(file) || built < settings;
    })
    .map((file) => path.relative(root, file));
}
