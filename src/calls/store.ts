/**
 * What routers share: the de-duplication marks and the pending hang-ups.
 * Every method is atomic across all routers using the same store, so any
 * number of instances can share one.
 */
export interface RouterStore {
  /** Human-readable kind for logs, e.g. `memory` or `redis`. */
  readonly kind: string;
  /**
   * Marks every one of `keys` as taken by `owner` for `ttlSeconds`, all or
   * none: resolves true for the one caller that took them, false (taking
   * nothing) when any of them is already taken (until it expires).
   */
  claim(keys: readonly string[], ttlSeconds: number, owner: string): Promise<boolean>;
  /**
   * Gives back the `keys` that `owner` holds (others' marks stay). Called
   * when a claim's answer was lost: a store that carries the claim out late
   * carries this out after it, so the sender's retry is not taken for a
   * duplicate.
   */
  release(keys: readonly string[], owner: string): Promise<void>;
  /** Schedules (or moves) the hang-up of `callId` at `dueAtMs` (unix ms). */
  scheduleHangup(callId: string, dueAtMs: number): Promise<void>;
  /**
   * Leases up to `limit` hang-ups due at `nowMs`: each is pushed to
   * `nowMs + leaseMs`, so no other router takes it meanwhile, and comes due
   * again if the taker dies before {@link completeHangup}.
   */
  takeDueHangups(nowMs: number, limit: number, leaseMs: number): Promise<string[]>;
  /** Drops a hang-up that was carried out (or is no longer needed). */
  completeHangup(callId: string): Promise<void>;
  /** Number of hang-ups scheduled. */
  pendingHangups(): Promise<number>;
  /** Resolves when the store answers; rejects otherwise (for `/healthz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The default store: one process's memory. De-duplication and hang-ups do
 * not survive a restart and are not shared with other instances; use
 * `RedisStore` for that.
 *
 * @example
 * const store = new MemoryStore();
 * await store.claim(["webhook:wh_1", "call:rtc_1"], 86400, "a"); // true
 * await store.claim(["webhook:wh_2", "call:rtc_1"], 86400, "b"); // false
 */
export class MemoryStore implements RouterStore {
  readonly kind = "memory";
  readonly #claims = new Map<string, { owner: string; expiresAt: number }>();
  readonly #hangups = new Map<string, number>();
  readonly #now: () => number;

  readonly #maxKeys: number;

  /**
   * @param now clock in ms, for tests. @default Date.now
   * @param options.maxKeys marks held at most; past it the oldest go first
   *   (a redelivery that old is then acted on again). @default 200000
   */
  constructor(now: () => number = Date.now, options: { maxKeys?: number | undefined } = {}) {
    this.#now = now;
    this.#maxKeys = options.maxKeys ?? 200_000;
  }

  /** Number of marks held (expired ones included until pruned). */
  get size(): number {
    return this.#claims.size;
  }

  async claim(keys: readonly string[], ttlSeconds: number, owner: string): Promise<boolean> {
    const now = this.#now();
    if (keys.some((key) => (this.#claims.get(key)?.expiresAt ?? 0) > now)) return false;
    for (const key of keys) {
      // Re-inserted at the end, so the map stays in expiry order for pruning.
      this.#claims.delete(key);
      this.#claims.set(key, { owner, expiresAt: now + ttlSeconds * 1000 });
    }
    if (this.#claims.size % 1024 === 0 || this.#claims.size > this.#maxKeys) this.#prune(now);
    // Still too many: the oldest marks (the map is in claim order) go.
    for (const key of this.#claims.keys()) {
      if (this.#claims.size <= this.#maxKeys) break;
      this.#claims.delete(key);
    }
    return true;
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    for (const key of keys) if (this.#claims.get(key)?.owner === owner) this.#claims.delete(key);
  }

  async scheduleHangup(callId: string, dueAtMs: number): Promise<void> {
    this.#hangups.set(callId, dueAtMs);
  }

  async takeDueHangups(nowMs: number, limit: number, leaseMs: number): Promise<string[]> {
    const due = [...this.#hangups].filter(([, at]) => at <= nowMs).sort((a, b) => a[1] - b[1]).slice(0, limit);
    for (const [id] of due) this.#hangups.set(id, nowMs + leaseMs);
    return due.map(([id]) => id);
  }

  async completeHangup(callId: string): Promise<void> {
    this.#hangups.delete(callId);
  }

  async pendingHangups(): Promise<number> {
    return this.#hangups.size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  // Expired marks are dropped now and then so a long-running router's memory stays flat.
  #prune(now: number): void {
    for (const [key, { expiresAt }] of this.#claims) if (expiresAt <= now) this.#claims.delete(key);
  }
}
