// A copy of the repo's root project (Pulumi.yaml, index.ts, realtime.yaml),
// optionally with files changed, for the real CLI to deploy.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../../scripts/local-pulumi.js";

/** Writes the root project into a fresh folder, then `files` over it; returns the folder. */
export function rootProject(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-root-"));
  for (const name of ["Pulumi.yaml", "index.ts", "realtime.yaml"]) fs.copyFileSync(path.join(repoRoot, name), path.join(dir, name));
  // The package's own package.json would point the program at dist/; the copy is a plain project.
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "openai-realtime", private: true }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
