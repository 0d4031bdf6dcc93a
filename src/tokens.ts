/**
 * Pulumi type tokens of the package's dynamic resources. The engine names a
 * dynamic resource `pulumi-nodejs:dynamic/<module>:<Name>`; the policy pack
 * and `validate` match resources on these constants.
 *
 * @example
 * ```ts
 * import { TYPE_TOKENS } from "pulumi-openai-realtime";
 * if (resource.type === TYPE_TOKENS.ClientSecret) { ... }
 * ```
 */
export const RESOURCE_MODULE = "openai-realtime";

const token = <N extends string>(name: N) => `pulumi-nodejs:dynamic/openai-realtime:${name}` as const;

export const SESSION_TEMPLATE_TYPE = token("SessionTemplate");
export const CLIENT_SECRET_TYPE = token("ClientSecret");
export const REALTIME_SESSION_TYPE = token("RealtimeSession");
export const TRANSCRIPTION_SESSION_TYPE = token("TranscriptionSession");
export const TRANSLATION_CLIENT_SECRET_TYPE = token("TranslationClientSecret");

/** All type tokens, keyed by resource class name. */
export const TYPE_TOKENS = {
  SessionTemplate: SESSION_TEMPLATE_TYPE,
  ClientSecret: CLIENT_SECRET_TYPE,
  RealtimeSession: REALTIME_SESSION_TYPE,
  TranscriptionSession: TRANSCRIPTION_SESSION_TYPE,
  TranslationClientSecret: TRANSLATION_CLIENT_SECRET_TYPE,
} as const;

export type ResourceKind = keyof typeof TYPE_TOKENS;

/** Kinds whose outputs carry `expiresAt`, after which `pulumi up` re-mints them: all but the template. */
export const EXPIRING_KINDS: ReadonlySet<ResourceKind> = new Set([
  "ClientSecret",
  "TranslationClientSecret",
  "RealtimeSession",
  "TranscriptionSession",
]);

/** Kinds minted by a client secrets endpoint: outputs `value`, arguments `expiresAfterSeconds` and `rotateBeforeSeconds`. */
export const MINTED_SECRET_KINDS: ReadonlySet<ResourceKind> = new Set(["ClientSecret", "TranslationClientSecret"]);
