// Runs once before the test files: makes sure this clone has its tools (the
// same idempotent step `npm test` runs first), so `npx vitest` works alone.
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [path.join(__dirname, "..", "scripts", "setup.js"), "--quiet"], { stdio: "inherit" });
}
