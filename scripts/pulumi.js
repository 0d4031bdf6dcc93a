#!/usr/bin/env node
// `npm run pulumi -- <args>`: the repo's Pulumi CLI on the demo's stack and
// local backend, with the demo's emulator running while commands that run
// the program need it (`--live` first: against OpenAI with OPENAI_API_KEY).
//
//   npm run pulumi -- stack output clientSecrets --show-secrets
//   npm run pulumi -- preview --diff
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const local = require("./local-pulumi.js");
const demo = require("./demo-settings.js");

// Commands that run the program or its provider.

async function main() {
  let args = process.argv.slice(2);
  const live = args[0] === "--live";
  if (live) args = args.slice(1);
  const s = demo.settings({ live });
  if (!fs.existsSync(path.join(s.stateDir, "backend", ".pulumi"))) {
    console.error(`No demo stack yet in ${path.relative(process.cwd(), s.stateDir) || "."}: run \`npm run demo${live ? " -- --live" : ""}\` first.`);
    return 1;
  }
  if (live && !process.env.OPENAI_API_KEY) {
    console.error("--live needs OPENAI_API_KEY in the environment.");
    return 1;
  }
  // The demo selected its stack in this backend's PULUMI_HOME.
  const env = demo.demoEnv(s);
  const code = await demo.withDemoEmulator(s, !live && local.PROGRAM_COMMANDS.has(args[0] ?? ""), () => demo.pulumi(args, env));
  if (code === 0 && args[0] === "destroy") {
    console.log(
      "\nDestroyed. The API has no revoke: tokens minted by this stack stay valid until they expire (expiresAt, at most 2 hours).",
    );
  }
  return code;
}

demo.runMain(main);
