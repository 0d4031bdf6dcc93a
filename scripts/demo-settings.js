// Settings shared by `npm run demo` and `npm run pulumi`, so that every
// command the demo prints runs against the same stack, backend and emulator.
//
//   DEMO_STACK      stack name (default "dev"; "live" with --live)
//   DEMO_STATE_DIR  file backend and PULUMI_HOME (default .pulumi-state/demo)
//   DEMO_PORT       emulator port (default 18787). Fixed, because the API
//                   origin is part of a token's identity: another port
//                   would replace every resource.
"use strict";

const { spawn } = require("node:child_process");
const net = require("node:net");
const path = require("node:path");
const local = require("./local-pulumi.js");

// The emulator accepts any sk- key; this one only exists on this machine.
const DEMO_API_KEY = "sk-local-demo";

/**
 * @param {{ live: boolean }} mode
 */
function settings({ live }) {
  const port = Number(process.env.DEMO_PORT || 18787);
  return {
    live,
    port,
    stack: process.env.DEMO_STACK || (live ? "live" : "dev"),
    stateDir: process.env.DEMO_STATE_DIR || path.join(local.repoRoot, ".pulumi-state", "demo"),
    baseUrl: live ? undefined : `http://127.0.0.1:${port}/v1`,
  };
}

/**
 * Environment for the repo's pulumi CLI on the demo's backend; against the
 * emulator, or against OpenAI with the caller's OPENAI_API_KEY when live.
 */
function demoEnv(s) {
  // `npm run typecheck` checks the root program; compiling it without a
  // second type check saves the demo most of a minute.
  const common = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
  if (s.live) return local.pulumiEnv(s.stateDir, { ...common, OPENAI_BASE_URL: undefined });
  return local.pulumiEnv(s.stateDir, { ...common, OPENAI_BASE_URL: s.baseUrl, OPENAI_API_KEY: DEMO_API_KEY });
}

/** Whether something already listens on the port. */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts the built emulator on the demo's port; resolves with it running (see withDemoEmulator). */
async function startDemoEmulator(s) {
  if (await portInUse(s.port)) {
    throw new Error(`port ${s.port} is already in use; stop what listens there or set DEMO_PORT to a free port`);
  }
  const { startEmulator } = require(path.join(local.repoRoot, "dist", "emulator"));
  return startEmulator({ port: s.port });
}

/**
 * Runs `pulumi <args>` from the repo root (the root project) and resolves
 * with its exit code. Asynchronous, so an in-process emulator keeps serving.
 */
function pulumi(args, env, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, {
      cwd: local.repoRoot,
      env,
      stdio: options.capture ? ["ignore", "pipe", "inherit"] : options.quiet ? "ignore" : "inherit",
    });
    let stdout = "";
    if (options.capture) child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve(options.capture ? { code: code ?? 1, stdout } : code ?? 1));
  });
}

/**
 * Runs `run(emulator)` with the demo's emulator serving when `needed` (undefined otherwise), and
 * stops it afterwards, whatever `run` does. Resolves with `run`'s result.
 */
async function withDemoEmulator(s, needed, run) {
  const emulator = needed ? await startDemoEmulator(s) : undefined;
  try {
    return await run(emulator);
  } finally {
    await emulator?.close();
  }
}

/** Runs a script's `main`: its result is the exit code, and an error ends it with one line and 1. */
function runMain(main) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}

module.exports = { DEMO_API_KEY, settings, demoEnv, withDemoEmulator, pulumi, runMain };
