import type { Dispatcher } from "undici";
import type { FetchLike } from "./fetch-types";

/** How requests leave the process when the caller gives no `fetch` or `dispatcher`. */
export interface DefaultTransport {
  fetch: FetchLike;
  /** Set only when the client created it (a proxy agent), so `close` can close it. */
  dispatcher: Dispatcher | undefined;
}

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] as const;

/** True when the environment names a proxy, as undici's `EnvHttpProxyAgent` reads it. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? "") !== "");
}

/**
 * Node's own `fetch` (built on undici, already loaded by Node) when no proxy
 * is set; the `undici` package's fetch with its `EnvHttpProxyAgent` when
 * `HTTPS_PROXY` / `HTTP_PROXY` is, which also honours `NO_PROXY`. The package
 * is loaded only then: it costs more to import than the rest of the client.
 *
 * @example
 * ```ts
 * const { fetch, dispatcher } = defaultTransport(); // no proxy: globalThis.fetch, no dispatcher
 * ```
 */
export function defaultTransport(env: NodeJS.ProcessEnv = process.env): DefaultTransport {
  if (!proxyConfigured(env)) return { fetch: globalThis.fetch as unknown as FetchLike, dispatcher: undefined };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require("undici") as typeof import("undici");
  // The attempt timer of this client bounds each request, so undici's own 300 s limits are lifted.
  const dispatcher = new undici.EnvHttpProxyAgent({ headersTimeout: 0, bodyTimeout: 0 });
  return { fetch: undici.fetch as unknown as FetchLike, dispatcher };
}
