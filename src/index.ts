/**
 * pulumi-openai-realtime: the OpenAI Realtime API as Pulumi resources.
 *
 * @packageDocumentation
 */
export {
  RESOURCE_MODULE,
  SESSION_TEMPLATE_TYPE,
  CLIENT_SECRET_TYPE,
  REALTIME_SESSION_TYPE,
  TRANSCRIPTION_SESSION_TYPE,
  TRANSLATION_CLIENT_SECRET_TYPE,
  TYPE_TOKENS,
} from "./tokens";
export type { ResourceKind } from "./tokens";
export {
  SessionTemplate,
  ClientSecret,
  RealtimeSession,
  TranscriptionSession,
  TranslationClientSecret,
} from "./resources";
export type {
  SessionTemplateArgs,
  ClientSecretArgs,
  RealtimeSessionArgs,
  TranscriptionSessionArgs,
  TranslationClientSecretArgs,
} from "./resources";
export { CONFIG_API_KEY, CONFIG_BASE_URL, CONFIG_ORGANIZATION, CONFIG_PROJECT } from "./provider/config-keys";
export { CONFIG_FILE_KEY } from "./config/file-key";
export type { RealtimeStackOutputs } from "./config/stack";

// The realtime.yaml front-end (yaml, zod) loads only when a program calls
// it: a program that declares resources in code pays nothing for it.
type ConfigStack = typeof import("./config/stack");
const configStack = (): ConfigStack => require("./config/stack") as ConfigStack;

/**
 * Deploys the stack's realtime.yaml; see `realtimeStack` in `./config/stack`.
 *
 * @example
 * ```ts
 * import { realtimeStack } from "pulumi-openai-realtime";
 * export = realtimeStack();
 * ```
 */
export const realtimeStack: ConfigStack["realtimeStack"] = (options) => configStack().realtimeStack(options);

/**
 * Creates the resources of a loaded, valid realtime.yaml; see `deployRealtimeConfig` in `./config/stack`.
 *
 * @example
 * ```ts
 * export const { templates, clientSecrets } = deployRealtimeConfig(loadRealtimeConfig("realtime.yaml").config);
 * ```
 */
export const deployRealtimeConfig: ConfigStack["deployRealtimeConfig"] = (config, opts) =>
  configStack().deployRealtimeConfig(config, opts);
