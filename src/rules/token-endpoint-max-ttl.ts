import type { Rule } from "./rule";

/** The longest token an endpoint may mint unless the policy config says otherwise. */
export const DEFAULT_TOKEN_ENDPOINT_MAX_SECONDS = 300;

/**
 * OAIRT011: a token endpoint mints tokens that live at most `maxSeconds`. A browser connects with
 * its token right away, so a long lifetime only widens the window for a leaked one.
 *
 * @example
 * tokenEndpointMaxTtl.check({ kind: "TokenEndpoint", props: { expiresAfterSeconds: 3600 } }, { maxSeconds: 300 });
 * // [{ path: ["expiresAfterSeconds"], message: "expiresAfterSeconds 3600 exceeds the maximum of 300 seconds." }]
 */
export const tokenEndpointMaxTtl: Rule<{ maxSeconds: number }> = {
  id: "OAIRT011",
  name: "openai-realtime-token-endpoint-max-ttl",
  aliases: [],
  severity: "high",
  enforcementLevel: "mandatory",
  description: "Token endpoints mint tokens that expire within the maximum lifetime.",
  remediation:
    "Lower the endpoint's `expiresAfterSeconds` to at most `maxSeconds` (the token service mints a fresh token per connection, so a short lifetime costs nothing).",
  configSchema: {
    properties: {
      maxSeconds: {
        type: "integer",
        minimum: 10,
        maximum: 7200,
        description: "Longest lifetime a token minted by a token endpoint may have, in seconds.",
        default: DEFAULT_TOKEN_ENDPOINT_MAX_SECONDS,
      },
    },
  },
  kinds: ["TokenEndpoint"],
  check(subject, { maxSeconds }) {
    const seconds = subject.props.expiresAfterSeconds;
    if (typeof seconds !== "number" || seconds <= maxSeconds) return [];
    return [{ path: ["expiresAfterSeconds"], message: `expiresAfterSeconds ${seconds} exceeds the maximum of ${maxSeconds} seconds.` }];
  },
};
