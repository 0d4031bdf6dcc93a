import type { Finding, Rule } from "./rule";

/**
 * OAIRT012: a token endpoint lists the origins allowed to call it, never `*` (nor a pattern with
 * `*`). With `*` any web page a signed-in user visits can mint tokens with that user's credentials.
 *
 * @example
 * disallowWildcardOrigin.check({ kind: "TokenEndpoint", props: { allowedOrigins: ["*"] } }, {});
 * // [{ path: ["allowedOrigins", 0], message: "allowedOrigins[0] is '*': ..." }]
 */
export const disallowWildcardOrigin: Rule<Record<string, never>> = {
  id: "OAIRT012",
  name: "openai-realtime-disallow-wildcard-origin",
  aliases: [],
  severity: "high",
  enforcementLevel: "mandatory",
  description: "Token endpoints name the browser origins allowed to call them instead of allowing any origin.",
  remediation: "Replace `*` in `allowedOrigins` with the origins of the app's pages, such as `https://app.example.com`.",
  configSchema: { properties: {} },
  kinds: ["TokenEndpoint"],
  check(subject) {
    const origins = subject.props.allowedOrigins;
    if (!Array.isArray(origins)) return [];
    const findings: Finding[] = [];
    origins.forEach((origin, index) => {
      if (typeof origin !== "string" || !origin.includes("*")) return;
      // realtime.yaml takes only `*`; a program's own output may hold a pattern such as `https://*.example.com`.
      const who = origin === "*" ? "any web page" : "any page on a matching host";
      findings.push({
        path: ["allowedOrigins", index],
        message: `allowedOrigins[${index}] is '${origin}': ${who} could mint tokens from this endpoint; list the app's origins instead.`,
      });
    });
    return findings;
  },
};
