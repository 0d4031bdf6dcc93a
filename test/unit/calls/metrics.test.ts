import { describe, expect, it } from "vitest";
import { RouterMetrics } from "../../../src/calls/metrics";

describe("RouterMetrics", () => {
  it("renders counters and a cumulative latency histogram in Prometheus text", () => {
    const metrics = new RouterMetrics();
    metrics.decision("accept", "ok", 0.004);
    metrics.decision("accept", "ok", 0.2);
    metrics.decision("reject", "failed", 3);
    metrics.verificationFailure("no_matching_signature");
    metrics.webhook("duplicate");
    const text = metrics.render({ pendingHangups: 2, inFlight: 0 });
    expect(text).toContain('router_decisions_total{action="accept",outcome="ok"} 2\n');
    expect(text).toContain('router_decisions_total{action="reject",outcome="failed"} 1\n');
    expect(text).toContain('router_webhook_verification_failures_total{reason="no_matching_signature"} 1\n');
    expect(text).toContain('router_decision_latency_seconds_bucket{le="0.005"} 1\n');
    expect(text).toContain('router_decision_latency_seconds_bucket{le="0.25"} 2\n');
    expect(text).toContain('router_decision_latency_seconds_bucket{le="5"} 3\n');
    expect(text).toContain('router_decision_latency_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain("router_decision_latency_seconds_count 3\n");
    expect(text).toContain("router_webhook_duplicates_total 1\n");
    expect(text).toContain("router_pending_hangups 2\n");
    expect(text).toContain("# TYPE router_decision_latency_seconds histogram\n");
  });
});
