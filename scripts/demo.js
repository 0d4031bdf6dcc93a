#!/usr/bin/env node
// `npm run demo`: start the local Realtime API emulator, `pulumi up` the root
// project (realtime.yaml) against it on a local file backend, every resource
// checked by the policy pack when there is one (a mandatory violation stops
// the up before that resource is created), show the outputs (secrets
// hidden), stop the emulator, and say what to try next. `npm run demo -- --live` deploys
// to OpenAI instead, with OPENAI_API_KEY (stack "live").
//
// Settings (DEMO_STACK, DEMO_STATE_DIR, DEMO_PORT) are in demo-settings.js.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const local = require("./local-pulumi.js");
const demo = require("./demo-settings.js");

const live = process.argv.includes("--live");

/** One line per entry, secrets as Pulumi shows them. */
function summary(outputs) {
  const lines = [];
  const row = (name, text) => lines.push(`  ${name.padEnd(34)} ${text}`);
  const time = (unix) => (typeof unix === "number" ? new Date(unix * 1000).toISOString().slice(11, 19) + " UTC" : "?");
  for (const [name, t] of Object.entries(outputs.templates || {})) {
    const session = t.session || {};
    const detail = session.type === "transcription"
      ? `transcription, ${session.audio?.input?.transcription?.model ?? "default model"}`
      : `${t.model}, voice ${session.audio?.output?.voice ?? "default"}`;
    row(`templates.${name}`, `${detail}, revision ${String(t.revision).slice(0, 12)}`);
  }
  for (const section of ["clientSecrets", "translationClientSecrets"]) {
    for (const [name, s] of Object.entries(outputs[section] || {})) {
      row(`${section}.${name}`, `value ${s.value}, expires ${time(s.expiresAt)}`);
    }
  }
  for (const section of ["realtimeSessions", "transcriptionSessions"]) {
    for (const [name, s] of Object.entries(outputs[section] || {})) {
      row(`${section}.${name}`, `clientSecret ${s.clientSecret}, expires ${time(s.expiresAt)}`);
    }
  }
  for (const [name, e] of Object.entries(outputs.tokenEndpoints || {})) {
    row(`tokenEndpoints.${name}`, `template ${e.template}, auth ${e.auth}, ${e.expiresAfterSeconds} s tokens (npm run tokens)`);
  }
  (outputs.callRoutes || []).forEach((route, i) => {
    const match = JSON.stringify(route.match || {});
    const what =
      route.action === "accept"
        ? `accept with template ${route.template ?? "(inline)"}${route.session ? " (session attached)" : ""}`
        : route.action === "refer"
          ? `refer to ${route.targetUri}`
          : `reject ${route.statusCode ?? 603}`;
    row(`callRoutes.${i}`, `${match} -> ${what}`);
  });
  return lines.join("\n");
}

async function main() {
  if (live && !process.env.OPENAI_API_KEY) {
    console.error("--live deploys to OpenAI and needs OPENAI_API_KEY in the environment.");
    return 1;
  }
  const s = demo.settings({ live });
  const env = demo.demoEnv(s);
  const npmPulumi = `npm run pulumi --${live ? " --live" : ""}`;
  const code = await demo.withDemoEmulator(s, !live, async (emulator) => {
    if (emulator) console.log(`Realtime API emulator listening on ${emulator.url}`);
    else console.log("Deploying to the OpenAI API (--live).");
    let status = await demo.pulumi(["stack", "select", "--create", s.stack, "--non-interactive"], env);
    // The pack checks each resource as the up registers it: one run deploys and checks.
    const policy = fs.existsSync(path.join(local.repoRoot, "policy", "PulumiPolicy.yaml")) ? ["--policy-pack", "policy"] : [];
    if (status === 0 && policy.length > 0) console.log("Deploying, every resource checked by the policy pack (policy/):");
    if (status === 0) status = await demo.pulumi(["up", "--yes", "--skip-preview", "--suppress-outputs", ...policy], env);
    if (status === 0) {
      const result = await demo.pulumi(["stack", "output", "--json"], env, { capture: true });
      status = result.code;
      if (status === 0) console.log(`\nStack outputs of ${s.stack} (secrets hidden):\n${summary(JSON.parse(result.stdout))}`);
    }
    return status;
  });
  if (code === 0) {
    console.log(
      "\nTry next (from this folder):\n" +
        `  ${npmPulumi} stack output clientSecrets --show-secrets   # the ek_ tokens\n` +
        `  ${npmPulumi} preview --diff                              # after editing realtime.yaml\n` +
        `  ${npmPulumi} destroy --yes                               # tokens stay valid until they expire`,
    );
  }
  return code;
}

demo.runMain(main);
