import { labelText } from "../calls/metrics";
import type { TokenRequestRecord } from "./handler";

/** Upper bounds (seconds) of the mint latency histogram's buckets: a mint is a few ms to a few s. */
export const MINT_LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Counter = Map<string, { labels: Record<string, string>; count: number }>;

function count(counter: Counter, labels: Record<string, string>): void {
  const key = Object.values(labels).join("\u0000");
  const entry = counter.get(key) ?? { labels, count: 0 };
  entry.count += 1;
  counter.set(key, entry);
}

/**
 * The token service's Prometheus metrics (text exposition format 0.0.4):
 * requests by endpoint and outcome, mint latency, rate-limited requests and
 * authentication failures. Labels hold endpoint names and outcomes only.
 *
 * @example
 * const metrics = new TokenMetrics();
 * const handler = createTokenHandler({ endpoints, onRequest: (r) => metrics.record(r) });
 */
export class TokenMetrics {
  readonly #requests: Counter = new Map();
  readonly #rateLimited: Counter = new Map();
  readonly #authFailures: Counter = new Map();
  readonly #reloads: Counter = new Map();
  readonly #buckets = MINT_LATENCY_BUCKETS.map(() => 0);
  #latencyCount = 0;
  #latencySum = 0;

  /** Counts one request; a request that reached the API (minted or failed) also counts in the latency histogram. */
  record(record: TokenRequestRecord): void {
    const endpoint = record.endpoint ?? "";
    count(this.#requests, { endpoint, outcome: record.outcome });
    if (record.outcome === "rate_limited") count(this.#rateLimited, { endpoint });
    if (record.outcome === "unauthorized" || record.outcome === "forbidden") {
      count(this.#authFailures, { endpoint, reason: record.reason ?? record.outcome });
    }
    if (record.outcome === "minted" || record.outcome === "api_error") {
      const seconds = record.durationMs / 1000;
      this.#latencyCount += 1;
      this.#latencySum += seconds;
      MINT_LATENCY_BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) this.#buckets[i]! += 1;
      });
    }
  }

  /** Counts a reload of the endpoint definitions (`changed`, `unchanged` or `failed`). */
  reload(result: "changed" | "unchanged" | "failed"): void {
    count(this.#reloads, { result });
  }

  /** Tokens minted so far. */
  get minted(): number {
    let total = 0;
    for (const { labels, count: n } of this.#requests.values()) if (labels.outcome === "minted") total += n;
    return total;
  }

  /** The Prometheus text exposition of every metric. */
  render(extra: { endpoints?: number; inFlight?: number } = {}): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string, counter?: Counter): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const { labels, count: n } of counter?.values() ?? []) lines.push(`${name}${labelText(labels)} ${n}`);
    };
    family("token_mints_total", "counter", "Mint requests by endpoint and outcome (minted, rate_limited, unauthorized, ...).", this.#requests);
    family("token_rate_limited_total", "counter", "Requests refused by a client's rate limit, by endpoint.", this.#rateLimited);
    family("token_auth_failures_total", "counter", "Requests refused for missing or bad credentials or origin, by endpoint and reason.", this.#authFailures);
    family("token_endpoint_reloads_total", "counter", "Reloads of the endpoint definitions by result.", this.#reloads);
    family("token_mint_latency_seconds", "histogram", "Time from request to answer of the requests that reached the API.");
    MINT_LATENCY_BUCKETS.forEach((bound, i) => {
      lines.push(`token_mint_latency_seconds_bucket${labelText({ le: String(bound) })} ${this.#buckets[i]}`);
    });
    lines.push(`token_mint_latency_seconds_bucket{le="+Inf"} ${this.#latencyCount}`);
    lines.push(`token_mint_latency_seconds_sum ${this.#latencySum}`);
    lines.push(`token_mint_latency_seconds_count ${this.#latencyCount}`);
    if (extra.endpoints !== undefined) {
      family("token_endpoints", "gauge", "Token endpoints currently served.");
      lines.push(`token_endpoints ${extra.endpoints}`);
    }
    if (extra.inFlight !== undefined) {
      family("token_requests_in_flight", "gauge", "Token requests started and not yet answered.");
      lines.push(`token_requests_in_flight ${extra.inFlight}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
