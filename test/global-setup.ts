// Runs once around the whole run, in vitest's main process.
//
// Before: refuses to start on stale dependencies (installing them is
// `npm test`'s first step, never something to do underneath running
// workers), links the tools, brings dist/ up to date with src/ (the CLI
// tests and every Pulumi program load dist/), and makes the environment the
// workers and their children inherit safe: the network guard preloaded, no
// developer OpenAI credentials or base URL.
//
// After: fails the run if any process tried to leave the machine.
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { refusedConnections } from "./helpers/net-log";
import { RUN_DIR_ENV } from "./helpers/run-cache";
import { NET_GUARD, NET_LOG_ENV, NODE_COMPILE_CACHE } from "./helpers/safety";
import { staleOutputs } from "./helpers/stale-build";

const root = path.join(__dirname, "..");

/**
 * Variables a developer's shell may hold that no test may inherit. A client
 * a test builds without a base URL then aims at the real API's default,
 * which the network guard refuses (and the run fails), instead of at
 * whatever the developer's shell pointed to.
 */
const SCRUBBED = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_ORG_ID",
  "OPENAI_PROJECT_ID",
  "OPENAI_WEBHOOK_SECRET",
  "OPENAI_ADMIN_KEY",
];

function requireInstalledDependencies(): void {
  const lock = fs.readFileSync(path.join(root, "package-lock.json"));
  const want = crypto.createHash("sha256").update(lock).digest("hex");
  const stampFile = path.join(root, "node_modules", ".setup-lock-sha256");
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (stamp !== want || !fs.existsSync(path.join(root, "node_modules", ".bin", "node"))) {
    throw new Error("node_modules does not match package-lock.json: run `npm run setup` (npm test runs it first), then the tests again");
  }
}

function buildIfStale(): void {
  const stale = staleOutputs(root);
  if (stale.length === 0) return;
  process.stderr.write(`[global-setup] dist/ is older than ${stale[0]}${stale.length > 1 ? ` and ${stale.length - 1} more` : ""}: rebuilding\n`);
  // The package and the browser helper (`npm run build`).
  execFileSync(process.execPath, [path.join(root, "scripts", "build.js")], { cwd: root, stdio: "inherit" });
}

export default function setup(): () => void {
  requireInstalledDependencies();
  // With the dependencies current this only links the Pulumi CLI and the package.
  execFileSync(process.execPath, [path.join(root, "scripts", "setup.js"), "--quiet"], { stdio: "inherit" });
  buildIfStale();

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "por-net-"));
  const log = path.join(logDir, "refused.jsonl");
  fs.writeFileSync(log, "");
  process.env[NET_LOG_ENV] = log;
  // What test files share within this run (the packed package, its installs).
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "por-run-"));
  process.env[RUN_DIR_ENV] = runDir;
  // Forked workers and every Node process they start inherit these; a
  // developer's own NODE_OPTIONS is dropped, not merged.
  process.env.NODE_OPTIONS = `--require ${NET_GUARD}`;
  process.env.NODE_COMPILE_CACHE = NODE_COMPILE_CACHE;
  for (const name of SCRUBBED) delete process.env[name];

  return () => {
    const refused = refusedConnections(log);
    fs.rmSync(logDir, { recursive: true, force: true });
    fs.rmSync(runDir, { recursive: true, force: true });
    if (refused.length > 0) {
      // vitest only logs a teardown's error; the exit code is what CI reads.
      process.exitCode = 1;
      const lines = refused.map((r) => `  ${r.host}:${String(r.port)} from pid ${r.pid} (${r.argv.join(" ")})`);
      throw new Error(`network guard: ${refused.length} connection(s) to non-loopback hosts were attempted during the run:\n${lines.join("\n")}`);
    }
  };
}
