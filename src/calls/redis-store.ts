import type { Redis as RedisClient } from "ioredis";
import { MemoryStore, type RouterStore } from "./store";

// Atomic lease: whichever router runs this first moves the due hang-ups out
// of everyone else's reach for `leaseMs`.
const TAKE_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[3], id) end
return ids`;

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** Key prefix, so several router fleets can share one Redis. @default "pulumi-openai-realtime:router:" */
  prefix?: string | undefined;
}

/**
 * A store in Redis, shared by every router given the same URL: claims are
 * `SET NX EX`, hang-ups a sorted set scored by due time. Hang-ups survive a
 * router restart, and whichever instance polls first fires them.
 *
 * @example
 * const store = await RedisStore.connect("redis://127.0.0.1:6379/0");
 * await store.claim("webhook:wh_1", 86400);
 * await store.close();
 */
export class RedisStore implements RouterStore {
  readonly kind = "redis";
  readonly #redis: RedisClient;
  readonly #prefix: string;

  private constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /**
   * Connects and checks the server answers.
   * @throws Error naming the host (never a password in the URL) when it cannot connect.
   */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const { Redis } = require("ioredis") as typeof import("ioredis");
    const parsed = new URL(url);
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true });
    // Without a listener ioredis prints every reconnect error itself.
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      throw new Error(`Cannot connect to Redis at ${parsed.host}: ${(error as Error).message}`);
    }
    return new RedisStore(redis, options.prefix ?? "pulumi-openai-realtime:router:");
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const set = await this.#redis.set(this.#prefix + key, "1", "EX", Math.max(1, Math.ceil(ttlSeconds)), "NX");
    return set === "OK";
  }

  async scheduleHangup(callId: string, dueAtMs: number): Promise<void> {
    await this.#redis.zadd(this.#hangupKey(), dueAtMs, callId);
  }

  async takeDueHangups(nowMs: number, limit: number, leaseMs: number): Promise<string[]> {
    const ids = await this.#redis.eval(TAKE_DUE, 1, this.#hangupKey(), nowMs, limit, nowMs + leaseMs);
    return (ids as string[]) ?? [];
  }

  async completeHangup(callId: string): Promise<void> {
    await this.#redis.zrem(this.#hangupKey(), callId);
  }

  async pendingHangups(): Promise<number> {
    return this.#redis.zcard(this.#hangupKey());
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  #hangupKey(): string {
    return `${this.#prefix}hangups`;
  }
}

/**
 * Opens the store a `--store` value names: `memory` (or nothing) for the
 * in-process store, `redis://` / `rediss://` URLs for Redis.
 *
 * @throws Error naming the allowed forms for anything else.
 * @example
 * const store = await openStore("redis://127.0.0.1:6379");
 */
export async function openStore(spec: string | undefined): Promise<RouterStore> {
  if (spec === undefined || spec === "memory") {
    return new MemoryStore();
  }
  if (/^rediss?:\/\//.test(spec) && URL.canParse(spec)) return RedisStore.connect(spec);
  throw new Error(`--store must be 'memory' or a redis:// or rediss:// URL (got '${redactUrl(spec)}')`);
}

/** A URL with its password replaced, for messages. */
export function redactUrl(value: string): string {
  if (!URL.canParse(value)) return value.replace(/:[^:@/]*@/, ":***@");
  const url = new URL(value);
  if (url.password !== "") url.password = "***";
  return url.href;
}
