import type { Redis as RedisClient } from "ioredis";
import { closeRedis, connectRedis } from "../calls/redis-store";
import type { TokenEndpointRateLimit } from "./definitions";
import { bucketOf, type ClientRateLimits, type RateDecision } from "./rate-limits";

// One token bucket per key, refilled on read, on the Redis server's clock (so
// instances with skewed clocks still share one rate). Returns {allowed, waitMs}.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil or at == nil then tokens = cap; at = now end
tokens = math.min(cap, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate) + 1000)
if allowed == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / rate)}`;

/**
 * Per-client buckets in Redis, shared by every token service given the same
 * URL: a client limited to 30 a minute gets 30 a minute from the whole fleet.
 *
 * @example
 * const limits = await RedisRateLimits.connect("redis://127.0.0.1:6379/0");
 * await limits.take("web:sub:alice", { perMinute: 30, burst: 10 });
 */
export class RedisRateLimits implements ClientRateLimits {
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
  static async connect(url: string, prefix = "pulumi-openai-realtime:tokens:"): Promise<RedisRateLimits> {
    return new RedisRateLimits(await connectRedis(url, 2_000), prefix);
  }

  async take(key: string, limit: TokenEndpointRateLimit): Promise<RateDecision> {
    const { capacity, perMs } = bucketOf(limit);
    const [allowed, waitMs] = (await this.#redis.eval(TAKE, 1, this.#prefix + key, capacity, perMs)) as [number, number];
    return allowed === 1 ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  async ping(): Promise<void> {
    await this.#redis.ping();
  }

  async close(): Promise<void> {
    await closeRedis(this.#redis);
  }
}
