import type { TokenEndpointRateLimit } from "./definitions";

/** The answer of a per-client limit: go ahead, or wait `retryAfterSeconds`. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the client's next mint would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Per-client token buckets. `key` names the client and the endpoint; every
 * instance given the same store (e.g. one Redis) shares the buckets.
 */
export interface ClientRateLimits {
  /** `redis` or `memory`, for logs and `/healthz`. */
  readonly kind: string;
  /** Takes one token from `key`'s bucket, if there is one. */
  take(key: string, limit: TokenEndpointRateLimit): Promise<RateDecision>;
  /** Resolves when the store answers (for `/healthz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Bucket size and refill rate (tokens per ms) of a limit; burst defaults to perMinute. */
export function bucketOf(limit: TokenEndpointRateLimit): { capacity: number; perMs: number } {
  return { capacity: limit.burst ?? limit.perMinute, perMs: limit.perMinute / 60_000 };
}

/**
 * One process's buckets. Full buckets are dropped now and then, so memory
 * follows the clients active in the last minutes, not all clients ever seen.
 *
 * @example
 * const limits = new MemoryRateLimits();
 * await limits.take("web:alice", { perMinute: 30, burst: 10 }); // { allowed: true, retryAfterSeconds: 0 }
 */
export class MemoryRateLimits implements ClientRateLimits {
  readonly kind = "memory";
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #now: () => number;
  #takes = 0;

  /** @param now clock in ms, for tests. @default Date.now */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async take(key: string, limit: TokenEndpointRateLimit): Promise<RateDecision> {
    const { capacity, perMs } = bucketOf(limit);
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    if (++this.#takes % 4096 === 0) this.#prune(now, perMs);
    if (tokens >= 1) {
      this.#buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    this.#buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  #prune(now: number, perMs: number): void {
    // A bucket untouched for ten minutes is full again at any limit of at least 6 per hour.
    const idleMs = Math.max(600_000, 1 / perMs);
    for (const [key, bucket] of this.#buckets) if (now - bucket.at > idleMs) this.#buckets.delete(key);
  }
}
