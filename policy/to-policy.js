// @ts-check
// Turns a shared rule (dist/rules, also used by `validate`) into a @pulumi/policy policy: a
// resource policy, or for token endpoint rules a stack policy (see `toStackPolicy`). Plain
// JavaScript so the pack runs from an installed package with no build step.
"use strict";

/** @typedef {import("../src/rules").AnyRule} AnyRule */
/** @typedef {import("../src/tokens").ResourceKind} ResourceKind */
/** @typedef {import("@pulumi/policy").ResourceValidationPolicy} ResourceValidationPolicy */
/** @typedef {import("@pulumi/policy").ResourceValidationArgs} ResourceValidationArgs */
/** @typedef {import("@pulumi/policy").StackValidationPolicy} StackValidationPolicy */

const path = require("node:path");

// The compiled package beside this folder; typed from its sources, which the repo type-checks.
const dist = path.join(__dirname, "..", "dist");
const { configDefaults, helpUrl, TOKEN_ENDPOINTS_OUTPUT, tokenEndpointSubjects } = /** @type {typeof import("../src/rules")} */ (require(path.join(dist, "rules")));
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

/** The engine's type of the root resource, whose outputs are the stack outputs. */
const STACK_TYPE = "pulumi:pulumi:Stack";

/** @param {AnyRule} rule */
function common(rule) {
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    url: helpUrl(rule),
    remediationSteps: rule.remediation,
    tags: [rule.id],
    configSchema: rule.configSchema,
  };
}

/**
 * A token endpoint is no resource: realtimeStack() exports the declarations as the stack output
 * `tokenEndpoints`, and a stack policy reads them from the root stack resource's outputs, which
 * the engine hands to stack policies at preview too. Each endpoint's declared fields are plain
 * values there, known at preview even when its template's session is not yet.
 * @param {AnyRule} rule
 * @returns {StackValidationPolicy}
 */
function toStackPolicy(rule) {
  return {
    ...common(rule),
    validateStack: (args, reportViolation) => {
      const config = { ...configDefaults(rule.configSchema), ...args.getConfig() };
      for (const resource of args.resources) {
        if (resource.type !== STACK_TYPE) continue;
        for (const { name, subject } of tokenEndpointSubjects(resource.props[TOKEN_ENDPOINTS_OUTPUT])) {
          for (const finding of rule.check(subject, config)) {
            reportViolation(`${rule.id}: ${TOKEN_ENDPOINTS_OUTPUT}.${name}: ${finding.message}`, resource.urn);
          }
        }
      }
    },
  };
}

/**
 * @param {AnyRule} rule
 * @returns {ResourceValidationPolicy | StackValidationPolicy}
 */
function toPolicy(rule) {
  if (rule.kinds.includes("TokenEndpoint")) return toStackPolicy(rule);
  /** @type {ResourceValidationPolicy} */
  const policy = {
    ...common(rule),
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
