import type { Rule } from "./rule";

/**
 * OAIRT013: a token endpoint authenticates its callers (`auth: bearer` or `jwt`) unless the policy
 * config sets `allowUnauthenticated`. With `auth: none` anyone who reaches the endpoint mints
 * tokens billed to the project.
 *
 * @example
 * disallowUnauthenticatedTokenEndpoint.check({ kind: "TokenEndpoint", props: { auth: "none" } }, { allowUnauthenticated: false });
 * // [{ path: ["auth"], message: "auth is 'none': ..." }]
 */
export const disallowUnauthenticatedTokenEndpoint: Rule<{ allowUnauthenticated: boolean }> = {
  id: "OAIRT013",
  name: "openai-realtime-disallow-unauthenticated-token-endpoint",
  aliases: [],
  severity: "critical",
  enforcementLevel: "mandatory",
  description: "Token endpoints authenticate their callers.",
  remediation:
    "Set the endpoint's `auth` to `bearer` or `jwt`; for a kiosk or a demo that must mint without credentials, set `allowUnauthenticated: true` in the policy config.",
  configSchema: {
    properties: {
      allowUnauthenticated: {
        type: "boolean",
        description: "Allow endpoints with `auth: none`, which anyone who can reach them may call.",
        default: false,
      },
    },
  },
  kinds: ["TokenEndpoint"],
  check(subject, { allowUnauthenticated }) {
    if (subject.props.auth !== "none" || allowUnauthenticated) return [];
    return [
      {
        path: ["auth"],
        message:
          "auth is 'none': anyone who can reach this endpoint mints tokens billed to the project; use 'bearer' or 'jwt'.",
      },
    ];
  },
};
