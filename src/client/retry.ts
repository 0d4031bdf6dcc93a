/** First backoff delay; doubles per retry (as in the official SDK). */
export const INITIAL_RETRY_DELAY_MS = 500;
/** Backoff never grows beyond this. */
export const MAX_RETRY_DELAY_MS = 8_000;
/** A server hint (`retry-after`, `retry-after-ms`) longer than this is not waited for. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Statuses worth another attempt: 408 (request timeout), 409 (lock
 * contention), 429 (rate limit) and 5xx. Other 4xx mean the request itself is
 * wrong and would fail again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The server's own verdict, as the official SDK reads it: `x-should-retry:
 * true` retries any status, `false` retries none; `undefined` when the header
 * is absent, so the status decides.
 */
export function shouldRetryHeader(headers: Readonly<Record<string, string>>): boolean | undefined {
  const value = headers["x-should-retry"];
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/**
 * Exponential backoff with up to 25% jitter below the nominal delay, so
 * clients that failed together do not retry together.
 *
 * @param retryIndex 0 for the first retry.
 * @param random a number in [0, 1).
 */
export function backoffMs(retryIndex: number, random: number): number {
  const nominal = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retryIndex, MAX_RETRY_DELAY_MS);
  return nominal * (1 - random * 0.25);
}

/**
 * The wait the server asked for, in ms: `retry-after-ms` first (OpenAI sends
 * it), then `retry-after` as seconds or an HTTP date. `undefined` when there
 * is no usable hint.
 */
export function retryAfterHintMs(headers: Readonly<Record<string, string>>, nowMs: number): number | undefined {
  const ms = headers["retry-after-ms"];
  if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const after = headers["retry-after"];
  if (after === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** What to do after a retryable failure. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Decides the wait before retry number `retryIndex` (0-based). A server hint
 * within {@link MAX_RETRY_AFTER_MS} is obeyed exactly; a longer one ends the
 * retries at once, because retrying earlier than the server asked is sure to
 * fail again and a minutes-long sleep inside `pulumi up` helps nobody. No
 * hint means backoff.
 */
export function decideRetry(
  headers: Readonly<Record<string, string>>,
  retryIndex: number,
  clock: { now: () => number; random: () => number },
): RetryDecision {
  const hint = retryAfterHintMs(headers, clock.now());
  if (hint === undefined) return { retry: true, delayMs: backoffMs(retryIndex, clock.random()) };
  if (hint > MAX_RETRY_AFTER_MS) return { retry: false };
  return { retry: true, delayMs: hint };
}
