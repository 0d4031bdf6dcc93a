#!/usr/bin/env node
// `npm run setup`: make this clone able to run real Pulumi programs.
//
//  1. npm dependencies (pinned Node 24 included) when missing or stale;
//  2. the Pulumi CLI and a Node.js language host, built once per version with
//     Go into the per-user cache and linked into .tools/bin;
//  3. the dynamic-provider plugin shim and a self-link so that serialized
//     providers can `require("pulumi-openai-realtime/...")`.
//
// Idempotent and quiet when there is nothing to do; `npm test` and
// `npm run demo` run it first.
"use strict";

const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const local = require("./local-pulumi.js");

const MIN_NODE_MAJOR = 22;
const quiet = process.argv.includes("--quiet");

function log(message) {
  if (!quiet) console.error(`[setup] ${message}`);
}

function fail(message) {
  console.error(`[setup] error: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", ...options });
  if (result.error) fail(`${cmd} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${cmd} ${args.join(" ")} exited with ${result.status}`);
}

function sha256(files) {
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(fs.readFileSync(file));
  return hash.digest("hex");
}

// npm ci when node_modules does not match package-lock.json.
function ensureNodeModules() {
  const lock = path.join(local.repoRoot, "package-lock.json");
  const stamp = path.join(local.repoRoot, "node_modules", ".setup-lock-sha256");
  const want = sha256([lock]);
  const nodeBin = path.join(local.nodeModulesBin, "node");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want && fs.existsSync(nodeBin)) return false;
  log("installing npm dependencies (npm ci)");
  const started = Date.now();
  npmCi();
  fs.writeFileSync(stamp, want);
  log(`npm ci took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return true;
}

// npm runs on whatever Node is on PATH, possibly older than the packages
// want; it then warns EBADENGINE for each of them, although setup goes on
// with the pinned Node 24 it has just installed. Those warnings are dropped
// and replaced by one line saying so; npm's other output passes through.
function npmCi() {
  // --prefer-offline: the lockfile pins every version and its integrity, so
  // cached packages need no freshness check against the registry; anything
  // missing is still fetched.
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: local.repoRoot,
    stdio: ["inherit", "inherit", "pipe"],
    encoding: "utf8",
  });
  if (result.error) fail(`npm could not start: ${result.error.message}`);
  const { kept, engineWarnings } = dropEngineWarnings(result.stderr || "");
  process.stderr.write(kept);
  if (result.status !== 0) fail(`npm ci exited with ${result.status}`);
  if (engineWarnings > 0) {
    log(`npm ran on Node ${process.versions.node}; from here on setup and the npm scripts use the pinned Node from node_modules`);
  }
}

/**
 * npm's output without its EBADENGINE warnings (each a block from
 * `npm warn EBADENGINE Unsupported engine {` to `npm warn EBADENGINE }`),
 * and how many there were.
 * @param {string} stderr
 * @returns {{ kept: string, engineWarnings: number }}
 */
function dropEngineWarnings(stderr) {
  const lines = stderr.split("\n");
  const kept = [];
  let engineWarnings = 0;
  for (let i = 0; i < lines.length; i++) {
    if (/^npm warn EBADENGINE Unsupported engine \{$/.test(lines[i])) {
      engineWarnings++;
      while (i < lines.length && !/^npm warn EBADENGINE \}$/.test(lines[i])) i++;
      continue;
    }
    kept.push(lines[i]);
  }
  return { kept: kept.join("\n"), engineWarnings };
}

function commandVersion(cmd, args, env) {
  const result = spawnSync(cmd, args, { encoding: "utf8", env });
  if (result.status !== 0 || !result.stdout) return undefined;
  return result.stdout.trim();
}

function versionAtLeast(version, minimum) {
  const parse = (v) => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map(Number);
  const a = parse(version);
  const b = parse(minimum);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

// A Pulumi CLI the user installed is used as is when it is recent enough and
// has its Node.js language host beside it.
function systemPulumi(minimum) {
  const withoutTools = (process.env.PATH || "")
    .split(path.delimiter)
    .filter((p) => path.resolve(p) !== local.toolsBin)
    .join(path.delimiter);
  const env = { ...process.env, PATH: withoutTools, PULUMI_SKIP_UPDATE_CHECK: "true" };
  const version = commandVersion("pulumi", ["version"], env);
  if (!version || !versionAtLeast(version, minimum)) return undefined;
  const host = spawnSync("sh", ["-c", "command -v pulumi-language-nodejs"], { env, encoding: "utf8" });
  return host.status === 0 ? version : undefined;
}

function requireGo() {
  const go = commandVersion("go", ["version"], process.env);
  if (!go) {
    fail(
      "no Pulumi CLI >= the pinned version on PATH and no Go toolchain to build one. " +
        "Install the Pulumi CLI (https://www.pulumi.com/docs/install/) or Go >= 1.26, then run npm run setup again.",
    );
  }
  return go;
}

// Builds one Go binary of the build module into `outFile`, atomically, so an
// interrupted or concurrent setup never leaves a half-written binary behind.
function goBuild(target, version, outFile) {
  const tmp = `${outFile}.tmp-${process.pid}`;
  const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}`;
  run("go", ["build", "-trimpath", "-ldflags", ldflags, "-o", tmp, target], {
    cwd: local.buildModuleDir,
    env: { ...process.env, GOFLAGS: "-buildvcs=false -mod=readonly" },
  });
  fs.renameSync(tmp, outFile);
}

function timed(label, fn) {
  const started = Date.now();
  fn();
  log(`${label} took ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function link(target, linkPath) {
  try {
    if (fs.readlinkSync(linkPath) === target) return;
  } catch {
    // missing or not a link: replaced below
  }
  fs.rmSync(linkPath, { recursive: true, force: true });
  fs.symlinkSync(target, linkPath);
}

// The engine starts dynamic providers as the plugin `pulumi-nodejs`, in the
// program's directory; the script runs the provider host of the program's own
// @pulumi/pulumi. With node_modules beside the program that is one Node
// process; otherwise (a hoisted node_modules) Node's resolution finds it.
const PROVIDER_HOST_SCRIPT = `#!/bin/sh
host=./node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js
[ -f "$host" ] || host="$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")"
exec node "$host" "$@"
`;

function writeExecutable(file, content) {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) return;
  fs.writeFileSync(file, content, { mode: 0o755 });
}

function ensurePulumi() {
  const version = local.pinnedPulumiVersion();
  fs.mkdirSync(local.toolsBin, { recursive: true });
  const inBuildModule = (...files) => files.map((f) => path.join(local.buildModuleDir, f));
  const moduleKey = sha256(inBuildModule("go.mod", "go.sum")).slice(0, 12);
  const hostKey = sha256(inBuildModule("go.mod", "go.sum", "langhost/main.go")).slice(0, 12);
  // The CLI looks for its bundled plugins (language host, dynamic provider
  // host) beside its own binary; keeping all three in one folder spares
  // every run a "using ... from $PATH" warning.
  const dir = path.join(local.cacheDir(), `pulumi-${version}-${moduleKey}`);
  const cli = path.join(dir, "pulumi");
  const host = path.join(dir, "pulumi-language-nodejs");
  const hostStamp = path.join(dir, `.pulumi-language-nodejs-${hostKey}`);
  const bundled = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];

  const existing = fs.existsSync(cli) ? undefined : systemPulumi(version);
  if (existing) {
    log(`using the Pulumi CLI on PATH (${existing})`);
    for (const name of bundled) fs.rmSync(path.join(local.toolsBin, name), { force: true });
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(cli)) {
    log(`building Pulumi CLI ${version} with ${requireGo()} (once per version, cached in ${dir})`);
    timed("building the Pulumi CLI", () => goBuild("github.com/pulumi/pulumi/pkg/v3/cmd/pulumi", version, cli));
  }
  if (!fs.existsSync(hostStamp)) {
    requireGo();
    timed("building the Node.js language host", () => goBuild("./langhost", version, host));
    fs.writeFileSync(hostStamp, "");
  }
  writeExecutable(path.join(dir, "pulumi-resource-pulumi-nodejs"), PROVIDER_HOST_SCRIPT);
  for (const name of bundled) link(path.join(dir, name), path.join(local.toolsBin, name));
}

// Serialized dynamic providers load their handlers by package name; inside
// this repo the package resolves to itself through this link.
function ensureSelfLink() {
  link("..", path.join(local.repoRoot, "node_modules", "pulumi-openai-realtime"));
}

function main() {
  const started = Date.now();
  ensureNodeModules();
  const major = Number(process.versions.node.split(".")[0]);
  if (major < MIN_NODE_MAJOR && fs.existsSync(path.join(local.nodeModulesBin, "node"))) {
    // Bootstrapped on an old system Node: continue on the pinned one.
    const node = path.join(local.nodeModulesBin, "node");
    run(node, [__filename, ...process.argv.slice(2)]);
    return;
  }
  if (major < MIN_NODE_MAJOR) fail(`Node ${process.versions.node} is too old; this repo needs Node >= ${MIN_NODE_MAJOR}`);
  ensurePulumi();
  ensureSelfLink();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s (pulumi from ${local.toolsBin})`);
}

if (require.main === module) main();

module.exports = { dropEngineWarnings, PROVIDER_HOST_SCRIPT };
