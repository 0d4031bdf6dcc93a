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
  ENTRY_NAME,
  ENTRY_SCHEMAS,
  RealtimeConfigSchema,
  TokenEndpointEntry,
  originProblem,
  type RealtimeConfig,
} from "./schema";
export { DEFAULT_CONFIG_FILE, configFiles } from "./source";
export { secretReference, splitSecretReferences, type SecretPart } from "./references";
export { JSON_SCHEMA_FILE, realtimeJsonSchema } from "./json-schema";
export { formatProblem } from "./format";
