/**
 * Per-call options, the last argument of every endpoint method. Each
 * overrides the client's setting of the same name for that call only.
 *
 * @example
 * ```ts
 * await client.calls.hangup(callId, { timeout: 5_000, maxRetries: 0, signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface RequestOptions {
  /** Milliseconds per attempt before {@link APITimeoutError}. */
  timeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Milliseconds all retries of this call may span (no retry starts past it). */
  retryTimeout?: number | undefined;
  /** Aborts the call (attempt, backoff wait or rate-limit wait) with {@link APIUserAbortError}. */
  signal?: AbortSignal | undefined;
  /** Extra request headers; they win over the client's headers. */
  headers?: Readonly<Record<string, string>> | undefined;
}
