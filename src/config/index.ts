/**
 * The realtime.yaml front-end: load, merge and validate a config with file,
 * line and column for every problem. No Pulumi import: the offline
 * `validate` command and the SIP router use it as well as the Pulumi program.
 *
 * @example
 * import { loadRealtimeConfig } from "pulumi-openai-realtime/config";
 * const loaded = loadRealtimeConfig("realtime.yaml");
 * if (loaded.problems.length > 0) process.exitCode = 1;
 *
 * @packageDocumentation
 */
export { loadRealtimeConfig, type LoadOptions, type LoadedConfig } from "./load";
export {
  SECTIONS,
  type ConfigEntry,
  type ConfigProblem,
  type ProblemKind,
  type Section,
  type SourceLocation,
} from "./types";
export {
  CallRouteEntry,
  ClientSecretEntry,
  DEFAULT_TOKEN_ENDPOINT_EXPIRES_AFTER_SECONDS,
  ENTRY_NAME,
  ENTRY_SCHEMAS,
  RealtimeConfigSchema,
  TOKEN_ENDPOINT_AUTH,
  TokenEndpointEntry,
  originProblem,
  type RealtimeConfig,
  type TokenEndpointAuth,
} from "./schema";
export { DEFAULT_CONFIG_FILE, configFiles } from "./source";
export { secretReference, splitSecretReferences, type SecretPart } from "./references";
export { JSON_SCHEMA_FILE, realtimeJsonSchema } from "./json-schema";
export { formatProblem } from "./format";
