// Regenerates the rule catalogue in README.md from the rules (dist/rules, so run `npm run build`
// first). `--check` only reports whether README.md is up to date.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const readmePath = path.join(__dirname, "..", "README.md");
const { withCatalogue } = require(path.join(__dirname, "..", "dist", "rules"));

const current = fs.readFileSync(readmePath, "utf8");
const fresh = withCatalogue(current);
if (process.argv.includes("--check")) {
  if (fresh !== current) {
    console.error("README.md rule catalogue is out of date: run `npm run docs:rules`.");
    process.exitCode = 1;
  }
} else if (fresh !== current) {
  fs.writeFileSync(readmePath, fresh);
  console.log("README.md rule catalogue updated.");
}
