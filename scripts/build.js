#!/usr/bin/env node
// `npm run build`: the package (CommonJS, tsconfig.build.json) and the
// browser helper (one ES module, tsconfig.browser.json) into dist/. The
// package is "type": "commonjs", so dist/browser/ gets a package.json of its
// own that makes Node load its .js as the ES module it is; a page loads
// dist/browser/index.js as it is.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

/** Builds both outputs; `stdio` as for child_process. */
function build(stdio = "inherit") {
  for (const project of ["tsconfig.build.json", "tsconfig.browser.json"]) {
    execFileSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio });
  }
  fs.writeFileSync(path.join(root, "dist", "browser", "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
}

module.exports = { build };

if (require.main === module) {
  try {
    build();
  } catch {
    process.exitCode = 1;
  }
}
