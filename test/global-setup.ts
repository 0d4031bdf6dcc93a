// Runs once before the test files: makes sure this clone has its tools (the
// same idempotent step `npm test` runs first) and a build in dist/, which
// the CLI tests and every Pulumi program load, so `npx vitest` works alone.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..");

export default function setup(): void {
  execFileSync(process.execPath, [path.join(root, "scripts", "setup.js"), "--quiet"], { stdio: "inherit" });
  if (!fs.existsSync(path.join(root, "dist", "index.js"))) {
    execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
      cwd: root,
      stdio: "inherit",
    });
  }
}
