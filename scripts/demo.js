#!/usr/bin/env node
// `npm run demo`: start the local Realtime API emulator, `pulumi up` the
// root project against it on a local file backend, print the stack outputs,
// stop the emulator. Run by `npm run demo` after setup and build.
//
// DEMO_STACK (default "dev") and DEMO_STATE_DIR (default .pulumi-state/demo)
// let tests run it in isolation.
"use strict";

const { spawn } = require("node:child_process");
const path = require("node:path");
const local = require("./local-pulumi.js");

// The emulator accepts any sk- key; this one only exists on this machine.
const DEMO_API_KEY = "sk-local-demo";

function pulumi(args, env, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive"], {
      cwd: local.repoRoot,
      env,
      stdio: options.quiet ? ["ignore", "ignore", "ignore"] : "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  const { startEmulator } = require(path.join(local.repoRoot, "dist", "emulator"));
  const emulator = await startEmulator({ port: 0 });
  console.log(`Realtime API emulator listening on ${emulator.url}`);
  const stack = process.env.DEMO_STACK || "dev";
  const stateDir = process.env.DEMO_STATE_DIR || path.join(local.repoRoot, ".pulumi-state", "demo");
  const env = local.pulumiEnv(stateDir, { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: DEMO_API_KEY });
  let code = 0;
  try {
    if ((await pulumi(["stack", "select", stack], env, { quiet: true })) !== 0) {
      code = await pulumi(["stack", "init", stack], env);
    }
    if (code === 0) code = await pulumi(["up", "--yes", "--skip-preview"], env);
    if (code === 0) {
      console.log("\nStack outputs (tokens are secrets; `pulumi stack output --show-secrets` reveals them):");
      code = await pulumi(["stack", "output", "--json"], env);
    }
  } finally {
    await emulator.close();
  }
  process.exitCode = code;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
