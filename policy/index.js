// @ts-check
// The policy pack: every rule of the shared catalogue, as shipped in the npm package. Run it with
//   pulumi preview --policy-pack node_modules/pulumi-openai-realtime/policy
"use strict";

const { PolicyPack } = require("@pulumi/policy");
const path = require("node:path");

const { RULES } = /** @type {typeof import("../src/rules")} */ (require(path.join(__dirname, "..", "dist", "rules")));
const { toPolicy } = require("./to-policy");

new PolicyPack("openai-realtime", {
  description: "OpenAI Realtime policies for pulumi-openai-realtime resources.",
  policies: RULES.map(toPolicy),
});
