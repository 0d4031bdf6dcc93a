/**
 * The request init this client passes to `fetch`. When the client has a
 * dispatcher (its own keep-alive Agent, or `ClientOptions.dispatcher`), it is
 * added as `init.dispatcher`, which both `undici.fetch` and Node's global
 * `fetch` honour. It is left out of this type on purpose: Node's bundled
 * undici-types and the `undici` package declare `Dispatcher` differently, and
 * naming either would make the other `fetch` unassignable.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect: "manual";
  signal: AbortSignal;
}

/** The parts of a fetch `Response` this client reads. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, key: string) => void): void };
  text(): Promise<string>;
}

/**
 * A fetch-compatible function: `undici.fetch`, Node's global `fetch`, or a
 * test double.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;
