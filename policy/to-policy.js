// @ts-check
// Turns a shared rule (dist/rules, also used by `validate`) into a @pulumi/policy resource policy.
// Plain JavaScript so the pack runs from an installed package with no build step.
"use strict";

/** @typedef {import("../src/rules").AnyRule} AnyRule */
/** @typedef {import("../src/tokens").ResourceKind} ResourceKind */
/** @typedef {import("@pulumi/policy").ResourceValidationPolicy} ResourceValidationPolicy */
/** @typedef {import("@pulumi/policy").ResourceValidationArgs} ResourceValidationArgs */

const path = require("node:path");

// The compiled package beside this folder; typed from its sources, which the repo type-checks.
const dist = path.join(__dirname, "..", "dist");
const { configDefaults, helpUrl } = /** @type {typeof import("../src/rules")} */ (require(path.join(dist, "rules")));
const { TYPE_TOKENS } = /** @type {typeof import("../src/tokens")} */ (require(path.join(dist, "tokens")));

/** @type {Map<string, ResourceKind>} */
const KIND_BY_TYPE = new Map(
  /** @type {Array<[ResourceKind, string]>} */ (Object.entries(TYPE_TOKENS)).map(([kind, type]) => [type, kind]),
);

/**
 * The subject and config a rule judges, or undefined for resources the rule does not look at.
 * @param {AnyRule} rule
 * @param {ResourceValidationArgs} args
 */
function prepare(rule, args) {
  const kind = KIND_BY_TYPE.get(args.type);
  if (kind === undefined || !rule.kinds.includes(kind)) return undefined;
  // The engine fills in configSchema defaults; merging keeps the rule whole if it ever does not.
  const config = { ...configDefaults(rule.configSchema), ...args.getConfig() };
  return { subject: { kind, props: args.props }, config };
}

/**
 * @param {AnyRule} rule
 * @returns {ResourceValidationPolicy}
 */
function toPolicy(rule) {
  /** @type {ResourceValidationPolicy} */
  const policy = {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    url: helpUrl(rule),
    remediationSteps: rule.remediation,
    tags: [rule.id],
    configSchema: rule.configSchema,
    validateResource: (args, reportViolation) => {
      const prepared = prepare(rule, args);
      if (prepared === undefined) return;
      for (const finding of rule.check(prepared.subject, prepared.config)) {
        reportViolation(`${rule.id}: ${finding.message}`);
      }
    },
  };
  const remediate = rule.remediate;
  if (remediate !== undefined) {
    policy.remediateResource = (args) => {
      const prepared = prepare(rule, args);
      return prepared === undefined ? undefined : remediate(prepared.subject, prepared.config);
    };
  }
  return policy;
}

module.exports = { toPolicy };
