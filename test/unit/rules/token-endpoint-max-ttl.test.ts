import { describe, expect, it } from "vitest";
import { tokenEndpointMaxTtl } from "../../../src/rules";
import { tokenEndpointSubject } from "../../../src/rules";
import { endpoint, run } from "./fixtures";

describe("openai-realtime-token-endpoint-max-ttl", () => {
  it("passes a compliant endpoint and one at the maximum", () => {
    expect(run(tokenEndpointMaxTtl, endpoint())).toEqual([]);
    expect(run(tokenEndpointMaxTtl, endpoint((p) => (p.expiresAfterSeconds = 300)))).toEqual([]);
  });

  it("flags a lifetime above the default maximum of 300 seconds", () => {
    expect(run(tokenEndpointMaxTtl, endpoint((p) => (p.expiresAfterSeconds = 301)))).toEqual([
      { path: ["expiresAfterSeconds"], message: "expiresAfterSeconds 301 exceeds the maximum of 300 seconds." },
    ]);
  });

  it("reads the maximum from the policy config, and judges the default lifetime of 60 seconds", () => {
    const unset = tokenEndpointSubject({ template: "concierge", auth: "bearer" });
    if (unset === undefined) throw new Error("no subject");
    expect(unset.props.expiresAfterSeconds).toBe(60);
    expect(run(tokenEndpointMaxTtl, unset, { maxSeconds: 60 })).toEqual([]);
    expect(run(tokenEndpointMaxTtl, unset, { maxSeconds: 30 })[0]?.message).toBe(
      "expiresAfterSeconds 60 exceeds the maximum of 30 seconds.",
    );
  });

  it("judges token endpoints only, and offers no remediation (an endpoint is no resource)", () => {
    expect(tokenEndpointMaxTtl.kinds).toEqual(["TokenEndpoint"]);
    expect(tokenEndpointMaxTtl.remediate).toBeUndefined();
  });
});
