/**
 * Policy rules shared by the policy pack (`policy/`) and the offline `validate` command, with the
 * catalogue they are listed in. Plain data in, findings out; no Pulumi import.
 *
 * @example
 * import { RULES } from "pulumi-openai-realtime/dist/rules";
 * for (const rule of RULES) console.log(rule.id, rule.name, rule.enforcementLevel);
 *
 * @packageDocumentation
 */
export { RULES, findRule, type AnyRule } from "./catalogue";
export { CATALOGUE_END, CATALOGUE_START, renderCatalogue, withCatalogue } from "./catalogue-markdown";
export { resolvePolicyConfig, type PolicyConfigResult, type ResolvedRule } from "./policy-config";
export {
  CATALOGUE_URL,
  DOCS_URL,
  PACKAGE_URL,
  RULE_NAME_PREFIX,
  configDefaults,
  fieldName,
  helpUrl,
  isRecord,
  type ConfigProperty,
  type ConfigSchema,
  type EnforcementLevel,
  type Finding,
  type PathSegment,
  type Rule,
  type RuleSubject,
  type Severity,
  type SubjectKind,
} from "./rule";
export { allowedModels, DEFAULT_ALLOWED_MODELS } from "./allowed-models";
export { allowedTranscriptionModels } from "./allowed-transcription-models";
export { clientSecretMaxTtl } from "./client-secret-max-ttl";
export { clientSecretMissingRotation } from "./client-secret-missing-rotation";
export { disallowCredentialsInInstructions } from "./disallow-credentials-in-instructions";
export { enforceMcpApproval } from "./enforce-mcp-approval";
export { allowedVoices } from "./allowed-voices";
export { missingOutputTokenLimit } from "./missing-output-token-limit";
export { disallowDeprecatedEndpoints, BETA_REMOVAL_DATE } from "./disallow-deprecated-endpoints";
export { modelFieldCompatibility } from "./model-field-compatibility";
export { CREDENTIAL_PATTERNS, credentialKinds, type CredentialKind } from "./credential-patterns";
export { DEFAULT_REASONING_MODELS, FIELD_COMPATIBILITY, type CompatibilityRow } from "./field-compatibility";
export { sessionShape, type SessionShape } from "./session-shape";
export { tokenEndpointMaxTtl, DEFAULT_TOKEN_ENDPOINT_MAX_SECONDS } from "./token-endpoint-max-ttl";
export { disallowWildcardOrigin } from "./disallow-wildcard-origin";
export { disallowUnauthenticatedTokenEndpoint } from "./disallow-unauthenticated-token-endpoint";
export { TOKEN_ENDPOINTS_OUTPUT, tokenEndpointSubject, tokenEndpointSubjects } from "./token-endpoint-subject";
