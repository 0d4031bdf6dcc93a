/** Upper bounds (seconds) of the decision latency histogram's buckets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Prometheus label set text, e.g. `{endpoint="web"}` (empty for none). */
export function labelText(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`))}"`);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

/**
 * The router's Prometheus metrics, rendered in the text exposition format
 * (version 0.0.4). Three families, so a small in-house registry is enough.
 *
 * @example
 * const metrics = new RouterMetrics();
 * metrics.decision("accept", "ok", 0.012);
 * res.end(metrics.render());
 */
export class RouterMetrics {
  readonly #decisions = new Map<string, { labels: Record<string, string>; count: number }>();
  readonly #failures = new Map<string, number>();
  readonly #buckets = LATENCY_BUCKETS.map(() => 0);
  #latencyCount = 0;
  #latencySum = 0;
  #webhooks = 0;
  #duplicates = 0;
  #ignored = 0;

  /** Counts one decision and its latency in seconds. */
  decision(action: string, outcome: string, seconds: number): void {
    const key = `${action}\u0000${outcome}`;
    const entry = this.#decisions.get(key) ?? { labels: { action, outcome }, count: 0 };
    entry.count += 1;
    this.#decisions.set(key, entry);
    this.#latencyCount += 1;
    this.#latencySum += seconds;
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.#buckets[i]! += 1;
    });
  }

  /** Counts a refused delivery by reason (`no_matching_signature`, `payload_too_large`, ...). */
  verificationFailure(reason: string): void {
    this.#failures.set(reason, (this.#failures.get(reason) ?? 0) + 1);
  }

  /** Counts an accepted delivery, and whether it was a duplicate or an ignored event type. */
  webhook(kind: "handled" | "duplicate" | "ignored"): void {
    this.#webhooks += 1;
    if (kind === "duplicate") this.#duplicates += 1;
    if (kind === "ignored") this.#ignored += 1;
  }

  /** Total decisions made so far. */
  get decisions(): number {
    return this.#latencyCount;
  }

  /** The Prometheus text exposition of every metric. */
  render(extra: { pendingHangups?: number; inFlight?: number; deliveriesInProgress?: number } = {}): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    family("router_decisions_total", "counter", "Routing decisions by action and outcome.");
    for (const { labels, count } of this.#decisions.values()) lines.push(`router_decisions_total${labelText(labels)} ${count}`);
    family("router_webhook_verification_failures_total", "counter", "Refused webhook deliveries by reason.");
    for (const [reason, count] of this.#failures) {
      lines.push(`router_webhook_verification_failures_total${labelText({ reason })} ${count}`);
    }
    family("router_webhooks_total", "counter", "Verified webhook deliveries acknowledged.");
    lines.push(`router_webhooks_total ${this.#webhooks}`);
    family("router_webhook_duplicates_total", "counter", "Redeliveries acknowledged without acting again.");
    lines.push(`router_webhook_duplicates_total ${this.#duplicates}`);
    family("router_webhook_ignored_total", "counter", "Verified events of types the router does not handle.");
    lines.push(`router_webhook_ignored_total ${this.#ignored}`);
    family("router_decision_latency_seconds", "histogram", "Time from webhook receipt to the call action's outcome.");
    LATENCY_BUCKETS.forEach((bound, i) => {
      lines.push(`router_decision_latency_seconds_bucket${labelText({ le: String(bound) })} ${this.#buckets[i]}`);
    });
    lines.push(`router_decision_latency_seconds_bucket{le="+Inf"} ${this.#latencyCount}`);
    lines.push(`router_decision_latency_seconds_sum ${this.#latencySum}`);
    lines.push(`router_decision_latency_seconds_count ${this.#latencyCount}`);
    if (extra.pendingHangups !== undefined) {
      family("router_pending_hangups", "gauge", "Hang-ups scheduled in the store.");
      lines.push(`router_pending_hangups ${extra.pendingHangups}`);
    }
    if (extra.inFlight !== undefined) {
      family("router_actions_in_flight", "gauge", "Call actions started and not yet finished.");
      lines.push(`router_actions_in_flight ${extra.inFlight}`);
    }
    if (extra.deliveriesInProgress !== undefined) {
      family("router_deliveries_in_progress", "gauge", "Webhook deliveries taken and not yet answered (e.g. waiting on the store).");
      lines.push(`router_deliveries_in_progress ${extra.deliveriesInProgress}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
