// What keeps every test on this machine: the network guard preloaded into
// each Node process the harness starts, a base URL that can only reach
// loopback, and checks that refuse any other origin before a run starts.
import * as path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
import guard = require("./net-guard.cjs");

/** The preload that refuses and records non-loopback connections. */
export const NET_GUARD = path.join(__dirname, "net-guard.cjs");

/** Environment variable naming the file the guard appends refused attempts to. */
export const NET_LOG_ENV: string = guard.LOG_ENV;

/**
 * Where stacks and clients point when a test names no emulator: loopback,
 * port 9 (discard), which nothing serves here, so a forgotten base URL fails
 * fast with ECONNREFUSED instead of reaching the real API.
 */
export const UNREACHABLE_BASE_URL = "http://127.0.0.1:9/v1";

/**
 * Node's on-disk cache of compiled modules, shared by every Node process of
 * a run: each `pulumi` run starts two that load @pulumi/pulumi, and the
 * cache spares them part of that work.
 */
export const NODE_COMPILE_CACHE = path.join(__dirname, "..", "..", "node_modules", ".cache", "node-compile-cache");

/** Whether `url`'s host is loopback (`127.0.0.0/8`, `::1`, `localhost`). */
export const isLoopbackUrl: (url: string) => boolean = guard.isLoopbackUrl;

/** Whether the guard is active in this process. */
export const guardInstalled: () => boolean = guard.installed;

/** Throws unless `url` is a loopback URL; `what` names where it came from. */
export function assertLoopbackUrl(url: string, what: string): void {
  if (!isLoopbackUrl(url)) {
    throw new Error(`${what} is ${JSON.stringify(url)}: tests may only reach a local emulator on 127.0.0.1`);
  }
}

/**
 * NODE_OPTIONS that preloads the guard, in front of any options the caller
 * adds, and the guard's log: for processes the harness spawns.
 *
 * @example
 * spawn(process.execPath, ["dist/cli/main.js"], { env: { ...process.env, ...guardEnv() } });
 */
export function guardEnv(extraNodeOptions?: string): Record<string, string> {
  const env: Record<string, string> = {
    NODE_OPTIONS: [`--require ${NET_GUARD}`, extraNodeOptions].filter(Boolean).join(" "),
  };
  const log = process.env[NET_LOG_ENV];
  if (log) env[NET_LOG_ENV] = log;
  return env;
}
