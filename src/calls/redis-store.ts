import type { Redis as RedisClient } from "ioredis";
import { MemoryStore, type RouterStore } from "./store";

// Atomic lease: whichever router runs this first moves the due hang-ups out
// of everyone else's reach for `leaseMs`.
const TAKE_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[3], id) end
return ids`;

// All or nothing: the webhook id and the call id are taken together, or neither is.
const CLAIM = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then return 0 end
end
for _, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1], 'EX', ARGV[2]) end
return 1`;

// Only the owner's marks are given back.
const RELEASE = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0`;

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** Key prefix, so several router fleets can share one Redis. @default "pulumi-openai-realtime:router:" */
  prefix?: string | undefined;
  /**
   * Milliseconds a store call may take before it fails (a stalled Redis
   * must not stall the router: the delivery is answered 503 and retried).
   * @default 2000
   */
  commandTimeoutMs?: number | undefined;
}

/**
 * A store in Redis, shared by every router given the same URL: claims are
 * `SET NX EX`, hang-ups a sorted set scored by due time. Hang-ups survive a
 * router restart, and whichever instance polls first fires them.
 *
 * @example
 * const store = await RedisStore.connect("redis://127.0.0.1:6379/0");
 * await store.claim(["webhook:wh_1", "call:rtc_1"], 86400, "owner-1");
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
    const redis = await connectRedis(url, options.commandTimeoutMs ?? 2_000);
    return new RedisStore(redis, options.prefix ?? "pulumi-openai-realtime:router:");
  }

  async claim(keys: readonly string[], ttlSeconds: number, owner: string): Promise<boolean> {
    const prefixed = keys.map((key) => this.#prefix + key);
    const taken = await this.#redis.eval(CLAIM, prefixed.length, ...prefixed, owner, Math.max(1, Math.ceil(ttlSeconds)));
    return taken === 1;
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    const prefixed = keys.map((key) => this.#prefix + key);
    await this.#redis.eval(RELEASE, prefixed.length, ...prefixed, owner);
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

  /** Quits politely, or drops the connection when the server does not answer within a second. */
  async close(): Promise<void> {
    await closeRedis(this.#redis);
  }

  #hangupKey(): string {
    return `${this.#prefix}hangups`;
  }
}

/**
 * Connects to Redis and checks the server answers. No offline queue and a
 * command timeout: while the connection is down or stalled a call fails at
 * once instead of piling up (shared by the router's store and the token
 * service's rate limits).
 *
 * @throws Error naming the host (never a password in the URL) when it cannot connect.
 */
export async function connectRedis(url: string, commandTimeoutMs: number): Promise<RedisClient> {
  const { Redis } = require("ioredis") as typeof import("ioredis");
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 5_000,
  });
  // Without a listener ioredis prints every reconnect error itself.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Cannot connect to Redis at ${new URL(redactUrl(url)).host}: ${(error as Error).message}`);
  }
  return redis;
}

/** Quits politely, or drops the connection when the server does not answer within a second. */
export async function closeRedis(redis: RedisClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)));
  await Promise.race([redis.quit().catch(() => undefined), late]);
  clearTimeout(timer);
  redis.disconnect();
}

/**
 * Opens the store a `--store` value names: `memory` (or nothing) for the
 * in-process store, `redis://` / `rediss://` URLs for Redis.
 *
 * @throws Error naming the allowed forms for anything else.
 * @example
 * const store = await openStore("redis://127.0.0.1:6379");
 */
export async function openStore(spec: string | undefined, options: RedisStoreOptions = {}): Promise<RouterStore> {
  if (spec === undefined || spec === "memory") {
    return new MemoryStore();
  }
  if (/^rediss?:\/\//.test(spec) && URL.canParse(spec)) return RedisStore.connect(spec, options);
  throw new Error(`--store must be 'memory' or a redis:// or rediss:// URL (got '${redactUrl(spec)}')`);
}

/**
 * A URL with its password replaced, for messages. Everything between the
 * scheme and the last `@` is credentials (a password may hold `/`, `:` or
 * `@`): only a plain user name before the first `:` is kept.
 *
 * @example
 * redactUrl("redis://app:pa/ss@cache:6379/0") // "redis://app:***@cache:6379/0"
 */
export function redactUrl(value: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
  if (scheme === undefined) return value.replace(/:[^:@/]*@/, ":***@");
  const rest = value.slice(scheme.length);
  const at = rest.lastIndexOf("@");
  if (at < 0) return value;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(":");
  if (colon < 0) return `${scheme}***@${rest.slice(at + 1)}`;
  const user = userinfo.slice(0, colon);
  return `${scheme}${/^[A-Za-z0-9._~-]*$/.test(user) ? user : "***"}:***@${rest.slice(at + 1)}`;
}
