// Refuses, and records, every TCP or TLS connection to a host that is not
// loopback. The test suite loads it into its vitest workers (setupFiles) and,
// through NODE_OPTIONS=--require, into every Node process the harness starts
// (the Pulumi program, the dynamic provider host, policy packs, the CLI), so
// no test can reach api.openai.com or anything else off this machine, and
// the global teardown fails the run if one tried.
//
// Every Node client (global fetch, undici, node:http, node:https, http2,
// tls) ends in net.Socket.prototype.connect, before any DNS lookup: wrapping
// it catches them all and leaks not even a name resolution.
//
// Plain CommonJS with no dependencies: `--require` loads it before anything
// else, in processes that may not have the repo's node_modules.
"use strict";

const fs = require("node:fs");
const net = require("node:net");

/** Environment variable naming the file that collects refused attempts (JSON lines). */
const LOG_ENV = "PULUMI_OPENAI_REALTIME_NET_LOG";
const INSTALLED = Symbol.for("pulumi-openai-realtime.net-guard");

/**
 * Whether a host names this machine's loopback interface.
 * @param {unknown} host
 * @returns {boolean}
 */
function isLoopbackHost(host) {
  // Node connects to localhost when no host is given.
  if (host === undefined || host === null || host === "") return true;
  const h = String(host).replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (net.isIPv4(h)) return h.startsWith("127.");
  if (net.isIPv6(h)) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}

/**
 * Whether a URL's origin is loopback (`http://127.0.0.1:4010/v1` is, `https://api.openai.com/v1` is not).
 * @param {string} url
 * @returns {boolean}
 */
function isLoopbackUrl(url) {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Host and port a Socket#connect call is about to reach, or null for a
 * local (Unix socket or named pipe) path.
 * @param {unknown[]} args
 * @returns {{ host: string, port: unknown } | null}
 */
function targetOf(args) {
  // net.connect() hands over its already normalized [options, callback].
  let first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") {
    const options = /** @type {{ path?: string, host?: string, port?: unknown }} */ (first);
    if (options.path) return null; // as Node decides: a truthy path is a pipe
    return { host: options.host ?? "localhost", port: options.port };
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return null;
  return { host: typeof args[1] === "string" ? args[1] : "localhost", port: first };
}

function record(target) {
  const file = process.env[LOG_ENV];
  if (!file) return;
  const line = JSON.stringify({ host: String(target.host), port: target.port, pid: process.pid, argv: process.argv.slice(1, 3) });
  try {
    fs.appendFileSync(file, `${line}\n`);
  } catch {
    // The refusal itself still fails whatever tried to connect.
  }
}

function install() {
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = targetOf(args);
    if (target !== null && !isLoopbackHost(target.host)) {
      record(target);
      const error = new Error(
        `network guard: refused a connection to ${target.host}:${String(target.port)}; tests may only reach loopback (127.0.0.1)`,
      );
      /** @type {any} */ (error).code = "ERR_NETWORK_GUARD";
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  };
}

install();

module.exports = { LOG_ENV, isLoopbackHost, isLoopbackUrl, installed: () => globalThis[INSTALLED] === true };
