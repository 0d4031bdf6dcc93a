import { DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS } from "../token-endpoint/definitions";
import { isRecord, type RuleSubject } from "./rule";

/**
 * The stack output the policy pack reads token endpoints from: `tokenEndpoints` is no resource, so
 * the pack's stack check judges what `realtimeStack()` exports under this name.
 */
export const TOKEN_ENDPOINTS_OUTPUT = "tokenEndpoints";

/** The fields of an endpoint the rules read; never its `session`, which may be unknown or secret. */
const DECLARED = ["template", "expiresAfterSeconds", "allowedOrigins", "rateLimit", "auth"] as const;

/**
 * What the rules judge for one token endpoint, from a realtime.yaml entry (as written) or an entry
 * of the `tokenEndpoints` stack output (defaults filled in). Reads each declared field by name: the
 * pack's view of an output at preview throws on any unknown value it is asked for, and the session
 * of a new template is unknown until `pulumi up`.
 *
 * @example
 * tokenEndpointSubject({ template: "concierge", auth: "none" });
 * // { kind: "TokenEndpoint", props: { template: "concierge", expiresAfterSeconds: 60, auth: "none" } }
 */
export function tokenEndpointSubject(value: unknown): RuleSubject | undefined {
  if (!isRecord(value)) return undefined;
  const props: Record<string, unknown> = {};
  for (const key of DECLARED) {
    if (key in value && value[key] !== undefined) props[key] = value[key];
  }
  props.expiresAfterSeconds ??= DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS;
  return { kind: "TokenEndpoint", props };
}

/**
 * Each endpoint of a `tokenEndpoints` stack output with its subject, in name order of the output.
 *
 * @example
 * tokenEndpointSubjects({ web: { template: "concierge", auth: "bearer" } }); // [{ name: "web", subject: {...} }]
 */
export function tokenEndpointSubjects(output: unknown): Array<{ name: string; subject: RuleSubject }> {
  if (!isRecord(output)) return [];
  const found: Array<{ name: string; subject: RuleSubject }> = [];
  for (const name of Object.keys(output)) {
    const subject = tokenEndpointSubject(output[name]);
    if (subject !== undefined) found.push({ name, subject });
  }
  return found;
}
