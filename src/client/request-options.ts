/**
 * Per-call options, the last argument of every endpoint method. Each
 * overrides the client's setting of the same name for that call only.
 *
 * @example
 * ```ts
 * await client.calls.hangup(callId, { timeout: 5_000, maxRetries: 0 });
 * ```
 */
export interface RequestOptions {
  /** Milliseconds per attempt before {@link APITimeoutError}. */
  timeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Extra request headers; they win over the client's headers. */
  headers?: Readonly<Record<string, string>> | undefined;
}
