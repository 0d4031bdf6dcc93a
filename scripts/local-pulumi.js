// Where the repo's own tools live and how to run the Pulumi CLI against a
// local file backend without prompts. Shared by `npm run setup`, the demo,
// the examples and the integration tests, so they all agree on one layout.
//
// Plain CommonJS on purpose: setup may run on an old system Node before
// `npm ci` has installed the pinned Node 24.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");
const toolsBin = path.join(repoRoot, ".tools", "bin");
const nodeModulesBin = path.join(repoRoot, "node_modules", ".bin");
const buildModuleDir = path.join(__dirname, "pulumi-build");

/** The Pulumi CLI version the repo builds, read from the build module's go.mod. */
function pinnedPulumiVersion() {
  const gomod = fs.readFileSync(path.join(buildModuleDir, "go.mod"), "utf8");
  const match = /github\.com\/pulumi\/pulumi\/pkg\/v3 (v\d+\.\d+\.\d+)/.exec(gomod);
  if (!match || !match[1]) throw new Error(`no pulumi/pkg/v3 requirement in ${buildModuleDir}/go.mod`);
  return match[1];
}

/**
 * Per-user cache shared by every clone on this machine, so a fresh clone
 * (or CI) reuses a CLI that another clone already built.
 */
function cacheDir() {
  if (process.env.PULUMI_OPENAI_REALTIME_CACHE) return process.env.PULUMI_OPENAI_REALTIME_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "pulumi-openai-realtime");
}

/** PATH with the repo's tools first: Node 24 and the Pulumi CLI. */
function toolPath(basePath = process.env.PATH || "") {
  return [toolsBin, nodeModulesBin, basePath].join(path.delimiter);
}

// What a Pulumi run may inherit from the calling shell when it must not
// depend on it: the tools on PATH, the user's home and temp folders, the
// locale. Nothing else: a developer's OPENAI_API_KEY, OPENAI_ORG_ID,
// OPENAI_BASE_URL, NODE_OPTIONS or PULUMI_ACCESS_TOKEN stays out.
const INHERITED = new Set(["PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "TMP", "TEMP", "TZ", "LANG", "LANGUAGE"]);

/**
 * The allow-listed part of an environment (PATH, HOME, user, temp folders,
 * time zone and locale, `LC_*`).
 * @param {Record<string, string | undefined>} [source]
 * @returns {Record<string, string>}
 */
function isolatedEnv(source = process.env) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(source)) {
    if (v !== undefined && (INHERITED.has(k) || k.startsWith("LC_"))) env[k] = v;
  }
  return env;
}

/**
 * Environment for a non-interactive Pulumi run on a `file://` backend.
 * @param {string} stateDir folder that holds the backend and PULUMI_HOME
 * @param {Record<string, string | undefined>} [extra] variables to add or override
 * @param {Record<string, string | undefined>} [base] what to start from: the
 *   whole process environment by default, `isolatedEnv()` for runs that must
 *   not see the caller's variables
 * @returns {Record<string, string>}
 */
function pulumiEnv(stateDir, extra = {}, base = process.env) {
  fs.mkdirSync(path.join(stateDir, "backend"), { recursive: true });
  fs.mkdirSync(path.join(stateDir, "home"), { recursive: true });
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    PATH: toolPath(env.PATH),
    PULUMI_BACKEND_URL: `file://${path.join(stateDir, "backend")}`,
    PULUMI_HOME: path.join(stateDir, "home"),
    PULUMI_CONFIG_PASSPHRASE: env.PULUMI_CONFIG_PASSPHRASE || "local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NO_COLOR: "1",
    // Every run starts two or three Node processes (program, dynamic
    // provider, policy pack) that each compile @pulumi/pulumi: Node's
    // compile cache lets all but the first read it instead.
    NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE || path.join(repoRoot, "node_modules", ".cache", "node-compile-cache"),
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The `pulumi` commands that run the program (and the engine); the others only read or write the stack. */
const PROGRAM_COMMANDS = new Set(["up", "update", "preview", "pre", "refresh", "destroy", "import", "watch"]);

module.exports = {
  PROGRAM_COMMANDS,
  repoRoot,
  toolsBin,
  nodeModulesBin,
  buildModuleDir,
  pinnedPulumiVersion,
  cacheDir,
  toolPath,
  isolatedEnv,
  pulumiEnv,
};
