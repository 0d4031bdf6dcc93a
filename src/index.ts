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
export { CONFIG_API_KEY, CONFIG_BASE_URL } from "./provider";
export { realtimeStack, deployRealtimeConfig, CONFIG_FILE_KEY, type RealtimeStackOutputs } from "./config/stack";
