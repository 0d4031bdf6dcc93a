import { abortable } from "./abortable-sleep";

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Requests started per second at most, spaced evenly. `Infinity` (or 0)
   * caps nothing: only the shared backoff after a 429 applies.
   * @default Infinity
   */
  requestsPerSecond?: number | undefined;
  /** Clock in ms; tests pass a fake. @default Date.now */
  now?: (() => number) | undefined;
  /** Waits; tests pass a fake. @default setTimeout-based */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/**
 * Paces the requests of every client that shares it, and makes them back off
 * together: when one request is answered 429, no request sharing the limiter
 * starts before the wait the API asked for is over. Without that, the
 * concurrent creates of one `pulumi up` each back off alone and the ones that
 * did not see the 429 keep hammering the API.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ requestsPerSecond: 10 });
 * const a = new RealtimeClient({ rateLimiter: limiter });
 * const b = new RealtimeClient({ rateLimiter: limiter, apiKey: otherKey });
 * ```
 */
export class RateLimiter {
  /** The configured cap, `Infinity` for none. */
  readonly requestsPerSecond: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Earliest time the next request may start (pacing). */
  #nextStart = -Infinity;
  /** No request starts before this (shared 429 backoff). */
  #pausedUntil = -Infinity;

  /** @throws RangeError when `requestsPerSecond` is negative or not a number. */
  constructor(options: RateLimiterOptions = {}) {
    const rps = options.requestsPerSecond ?? Infinity;
    if (Number.isNaN(rps) || rps < 0) {
      throw new RangeError(`requestsPerSecond must be a positive number (0 or Infinity for no cap), got ${rps}`);
    }
    this.requestsPerSecond = rps === 0 ? Infinity : rps;
    this.#intervalMs = 1000 / this.requestsPerSecond;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Resolves when a request may start: after any shared backoff, and in its
   * turn under the cap. Rejects with `signal.reason` when `signal` aborts.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    // A pause this caller has slept out counts as over even if the clock lags the timer.
    let servedPause = -Infinity;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#now();
      const until = this.#pausedUntil;
      if (until > now && until !== servedPause) {
        await abortable(this.#sleep(until - now), signal);
        servedPause = until;
        continue;
      }
      if (this.#intervalMs === 0) return;
      // Each caller takes the next free slot, so waiters start one interval apart, in arrival order.
      const slot = Math.max(now, this.#nextStart);
      this.#nextStart = slot + this.#intervalMs;
      if (slot <= now) return;
      await abortable(this.#sleep(slot - now), signal);
      // A 429 seen while this caller waited for its slot holds it back too.
      if (this.#pausedUntil === servedPause || this.#pausedUntil <= this.#now()) return;
    }
  }

  /** Holds back every request sharing this limiter for `ms` from now (never shortens a longer pause). */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + Math.max(0, ms));
  }

  /** Milliseconds until requests may start again after a 429, 0 when not paused. */
  get pausedForMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }
}
