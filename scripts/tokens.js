#!/usr/bin/env node
// `npm run tokens -- <flags>`: the token service (`pulumi-openai-realtime
// tokens`) on the demo's stack: `--stack organization/<project>/<stack>` on
// the demo's backend, with the demo's emulator serving as the API while it
// runs. Other flags go to the service as given.
//
//   npm run tokens -- --port 8788 --auth-tokens-file scripts/demo-tokens.txt
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const local = require("./local-pulumi.js");
const demo = require("./demo-settings.js");

async function main() {
  const s = demo.settings({ live: false });
  if (!fs.existsSync(path.join(s.stateDir, "backend", ".pulumi"))) {
    console.error(`No demo stack yet in ${path.relative(process.cwd(), s.stateDir) || "."}: run \`npm run demo\` first.`);
    return 1;
  }
  const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(local.repoRoot, "Pulumi.yaml"), "utf8"))[1];
  const cli = path.join(local.repoRoot, "dist", "cli", "main.js");
  const args = [cli, "tokens", "--stack", `organization/${project}/${s.stack}`, ...process.argv.slice(2)];
  return demo.withDemoEmulator(s, true, () => {
    // In a process group of its own, so that Ctrl-C (sent to the terminal's group) reaches the
    // service once, forwarded from here: it drains, then the emulator stops.
    const child = spawn(process.execPath, args, { cwd: local.repoRoot, env: demo.demoEnv(s), stdio: "inherit", detached: true });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    process.on("exit", () => child.exitCode === null && child.kill("SIGTERM"));
    return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  });
}

demo.runMain(main);
