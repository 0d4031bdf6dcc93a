import { formatPath } from "../schemas/issues";
import type { ResourceKind } from "../tokens";

/** How bad a violation is; the values @pulumi/policy and SARIF consumers understand. */
export type Severity = "low" | "medium" | "high" | "critical";

/** What a violation does: `mandatory` fails the run, `advisory` warns, `remediate` fixes the input. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** A segment of a field path: an object key or an array index. */
export type PathSegment = string | number;

/**
 * What a rule judges: a resource kind, or `TokenEndpoint`, a `tokenEndpoints` entry of
 * realtime.yaml (no resource: `validate` reads the file, the pack the stack output).
 */
export type SubjectKind = ResourceKind | "TokenEndpoint";

/** The thing a rule judges: its kind and its arguments as written (wire-shape `session`, camelCase ours). */
export interface RuleSubject {
  kind: SubjectKind;
  props: Readonly<Record<string, unknown>>;
}

/** One violation: where (a path under the subject's arguments) and what, naming the field. */
export interface Finding {
  path: PathSegment[];
  message: string;
}

/** The JSON schema of one tunable, the subset @pulumi/policy's `configSchema` and `validate` both read. */
export interface ConfigProperty {
  type: "integer" | "array" | "boolean";
  description: string;
  default: number | string[] | boolean;
  minimum?: number;
  maximum?: number;
  items?: { type: "string" };
}

/** A rule's tunables, in @pulumi/policy's `configSchema` shape. */
export interface ConfigSchema {
  properties: Record<string, ConfigProperty>;
}

/**
 * One policy rule, shared by the policy pack and the offline `validate` command so the two never
 * disagree. Rules read plain data and import no Pulumi module.
 *
 * @example
 * const findings = clientSecretMaxTtl.check({ kind: "ClientSecret", props: { expiresAfterSeconds: 7200 } }, { maxSeconds: 600 });
 */
export interface Rule<C extends object = Record<string, unknown>> {
  /** Stable id, never renumbered: `OAIRT001`... */
  id: string;
  /** Policy name: `openai-realtime-<file name>`. */
  name: string;
  /** Former names that still select this rule in a policy config or a suppression. */
  aliases: readonly string[];
  severity: Severity;
  /** The level the pack ships with: `mandatory`, or `advisory` for rules marked so. */
  enforcementLevel: "mandatory" | "advisory";
  /** One sentence. */
  description: string;
  /** What to change when the rule fires. */
  remediation: string;
  configSchema: ConfigSchema;
  /** Kinds the rule looks at: resource kinds, or only `TokenEndpoint` (the pack checks those over the stack). */
  kinds: readonly SubjectKind[];
  check(subject: RuleSubject, config: C): Finding[];
  /** Returns fixed arguments, or undefined when nothing needs fixing; only rules offering `remediate`. */
  remediate?(subject: RuleSubject, config: C): Record<string, unknown> | undefined;
}

/** Prefix of every policy name. */
export const RULE_NAME_PREFIX = "openai-realtime-";

/** The package's page: what it is and how to start (the README). */
export const PACKAGE_URL = "https://www.npmjs.com/package/pulumi-openai-realtime";

/**
 * Where the pages of `docs/` are published: the folder ships in the npm package, and this
 * serves the published package's files. The one place to change when the docs move.
 */
export const DOCS_URL = "https://unpkg.com/pulumi-openai-realtime/docs";

/** The page with the rule catalogue (docs/policies.md). */
export const CATALOGUE_URL = `${DOCS_URL}/policies.md`;

/**
 * The help URL of a rule: its catalogue entry (`#### OAIRT001 openai-realtime-allowed-models`)
 * in docs/policies.md.
 *
 * @example
 * helpUrl({ id: "OAIRT001", name: "openai-realtime-allowed-models" });
 * // "https://unpkg.com/pulumi-openai-realtime/docs/policies.md#oairt001-openai-realtime-allowed-models"
 */
export function helpUrl(rule: { id: string; name: string }): string {
  return `${CATALOGUE_URL}#${rule.id.toLowerCase()}-${rule.name}`;
}

/** The defaults of a config schema, as a config object. */
export function configDefaults(schema: ConfigSchema): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema.properties).map(([key, prop]) => [key, prop.default]));
}

/** `session.tools[0].description`: the dotted form used in messages. */
export function fieldName(path: readonly PathSegment[]): string {
  return formatPath(path);
}

export { isRecord, valueAt } from "../values";

/** A quoted list for messages: `'a', 'b'` or `(none)`. */
export function quoteList(values: readonly string[]): string {
  return values.length === 0 ? "(none)" : values.map((v) => `'${v}'`).join(", ");
}
