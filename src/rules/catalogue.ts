import { allowedModels } from "./allowed-models";
import { allowedTranscriptionModels } from "./allowed-transcription-models";
import { allowedVoices } from "./allowed-voices";
import { clientSecretMaxTtl } from "./client-secret-max-ttl";
import { clientSecretMissingRotation } from "./client-secret-missing-rotation";
import { disallowCredentialsInInstructions } from "./disallow-credentials-in-instructions";
import { disallowDeprecatedEndpoints } from "./disallow-deprecated-endpoints";
import { disallowUnauthenticatedTokenEndpoint } from "./disallow-unauthenticated-token-endpoint";
import { disallowWildcardOrigin } from "./disallow-wildcard-origin";
import { enforceMcpApproval } from "./enforce-mcp-approval";
import { missingOutputTokenLimit } from "./missing-output-token-limit";
import { modelFieldCompatibility } from "./model-field-compatibility";
import type { Rule } from "./rule";
import { tokenEndpointMaxTtl } from "./token-endpoint-max-ttl";

/** A rule whose config type is erased, as collections hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/**
 * Every rule, in id order: the one catalogue the pack, `validate`, SARIF and docs/policies.md read.
 *
 * @example
 * RULES.map((rule) => `${rule.id} ${rule.name}`);
 */
export const RULES: readonly AnyRule[] = [
  allowedModels,
  allowedTranscriptionModels,
  clientSecretMaxTtl,
  clientSecretMissingRotation,
  disallowCredentialsInInstructions,
  enforceMcpApproval,
  allowedVoices,
  missingOutputTokenLimit,
  disallowDeprecatedEndpoints,
  modelFieldCompatibility,
  tokenEndpointMaxTtl,
  disallowWildcardOrigin,
  disallowUnauthenticatedTokenEndpoint,
];

/**
 * The rule with this id, name or former name, or undefined.
 *
 * @example
 * findRule("OAIRT003")?.name; // "openai-realtime-client-secret-max-ttl"
 */
export function findRule(idOrName: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === idOrName || rule.name === idOrName || rule.aliases.includes(idOrName));
}
