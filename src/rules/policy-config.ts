import { RULES, findRule, type AnyRule } from "./catalogue";
import type { ConfigProperty, EnforcementLevel } from "./rule";
import { configDefaults, isRecord, quoteList } from "./rule";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A rule with the level and tunables a policy config gives it. */
export interface ResolvedRule {
  rule: AnyRule;
  level: EnforcementLevel;
  config: Record<string, unknown>;
}

/** The outcome of reading a policy config: every rule resolved, or the mistakes found. */
export type PolicyConfigResult = { ok: true; rules: ResolvedRule[] } | { ok: false; errors: string[] };

function checkProperty(where: string, prop: ConfigProperty, value: unknown): string | undefined {
  if (prop.type === "integer") {
    const min = prop.minimum ?? Number.MIN_SAFE_INTEGER;
    const max = prop.maximum ?? Number.MAX_SAFE_INTEGER;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      return `${where} must be an integer between ${min} and ${max}.`;
    }
    return undefined;
  }
  if (prop.type === "boolean") return typeof value === "boolean" ? undefined : `${where} must be true or false.`;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    return `${where} must be an array of strings.`;
  }
  return undefined;
}

function level(where: string, value: unknown, errors: string[]): EnforcementLevel | undefined {
  if (LEVELS.includes(value as EnforcementLevel)) return value as EnforcementLevel;
  errors.push(`${where} must be one of ${quoteList(LEVELS)}.`);
  return undefined;
}

/**
 * Reads a policy config in the format of `pulumi preview --policy-pack-config`: keys are policy
 * names (or `all`), values an enforcement level or an object with `enforcementLevel` and the
 * rule's tunables. Rule ids are accepted as keys too. Unknown names and bad values are errors
 * naming the key and the allowed values.
 *
 * @example
 * resolvePolicyConfig({ "openai-realtime-client-secret-max-ttl": { maxSeconds: 300 } });
 */
export function resolvePolicyConfig(raw: unknown = {}): PolicyConfigResult {
  if (!isRecord(raw)) return { ok: false, errors: ["The policy config must be a JSON object keyed by policy name."] };
  const errors: string[] = [];
  let allLevel: EnforcementLevel | undefined;
  const all = raw.all;
  if (all !== undefined) {
    allLevel = level("'all'", isRecord(all) ? all.enforcementLevel : all, errors);
  }
  const overrides = new Map<AnyRule, { level?: EnforcementLevel; config: Record<string, unknown> }>();
  for (const [key, value] of Object.entries(raw)) {
    if (key === "all") continue;
    const rule = findRule(key);
    if (rule === undefined) {
      errors.push(`Unknown policy '${key}'. Policies: ${quoteList(RULES.map((r) => r.name))}.`);
      continue;
    }
    const entry: { level?: EnforcementLevel; config: Record<string, unknown> } = { config: {} };
    if (typeof value === "string") {
      const l = level(`'${key}'`, value, errors);
      if (l !== undefined) entry.level = l;
    } else if (isRecord(value)) {
      for (const [prop, propValue] of Object.entries(value)) {
        if (prop === "enforcementLevel") {
          const l = level(`'${key}.enforcementLevel'`, propValue, errors);
          if (l !== undefined) entry.level = l;
          continue;
        }
        const schema = rule.configSchema.properties[prop];
        if (schema === undefined) {
          const allowed = ["enforcementLevel", ...Object.keys(rule.configSchema.properties)];
          errors.push(`Unknown setting '${key}.${prop}'. Allowed: ${quoteList(allowed)}.`);
          continue;
        }
        const problem = checkProperty(`'${key}.${prop}'`, schema, propValue);
        if (problem !== undefined) errors.push(problem);
        else entry.config[prop] = propValue;
      }
    } else {
      errors.push(`'${key}' must be an enforcement level or an object.`);
    }
    overrides.set(rule, entry);
  }
  if (errors.length > 0) return { ok: false, errors };
  const rules = RULES.map((rule) => {
    const override = overrides.get(rule);
    return {
      rule,
      level: override?.level ?? allLevel ?? rule.enforcementLevel,
      config: { ...configDefaults(rule.configSchema), ...override?.config },
    };
  });
  return { ok: true, rules };
}
