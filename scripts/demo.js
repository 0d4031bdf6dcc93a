#!/usr/bin/env node
// `npm run demo`: `pulumi up` of the root project on a local file backend
// (.pulumi-state/demo), then print the stack outputs.
"use strict";

const { spawnSync } = require("node:child_process");
const path = require("node:path");
const local = require("./local-pulumi.js");

const stack = process.env.DEMO_STACK || "dev";
const env = local.pulumiEnv(path.join(local.repoRoot, ".pulumi-state", "demo"));

function pulumi(args, options = {}) {
  const result = spawnSync("pulumi", [...args, "--non-interactive"], {
    cwd: local.repoRoot,
    env,
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && !options.allowFailure) {
    console.error(`pulumi ${args.join(" ")} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
  return result;
}

function main() {
  if (pulumi(["stack", "select", stack], { capture: true, allowFailure: true }).status !== 0) {
    pulumi(["stack", "init", stack]);
  }
  pulumi(["up", "--yes", "--skip-preview"]);
  console.log("\nStack outputs:");
  pulumi(["stack", "output", "--json"]);
}

main();
