// Regenerates the rule catalogue in docs/policies.md from the rules (dist/rules, so run
// `npm run build` first). `--check` only reports whether the page is up to date.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const pagePath = path.join(__dirname, "..", "docs", "policies.md");
const { withCatalogue } = require(path.join(__dirname, "..", "dist", "rules"));

const current = fs.readFileSync(pagePath, "utf8");
const fresh = withCatalogue(current);
if (process.argv.includes("--check")) {
  if (fresh !== current) {
    console.error("docs/policies.md rule catalogue is out of date: run `npm run docs:rules`.");
    process.exitCode = 1;
  }
} else if (fresh !== current) {
  fs.writeFileSync(pagePath, fresh);
  console.log("docs/policies.md rule catalogue updated.");
}
