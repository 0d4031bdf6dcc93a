/**
 * Typed client for the OpenAI Realtime REST API, exported as
 * `pulumi-openai-realtime/client`. Names follow the official `openai` SDK.
 *
 * @packageDocumentation
 */
export { RealtimeClient, type ClientOptions } from "./client";
export type { RequestOptions } from "./request-options";
export type { FetchInit, FetchLike, FetchResponseLike } from "./fetch-types";
export { DEFAULT_BASE_URL } from "./base-url";
export { INITIAL_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS } from "./retry";
export { RateLimiter, type RateLimiterOptions } from "./rate-limiter";
export type { WithRequestId } from "./request-id";
export { ClientSecrets } from "./client-secrets";
export { Sessions } from "./sessions";
export { TranscriptionSessions } from "./transcription-sessions";
export { Translations, TranslationClientSecrets } from "./translations";
export { Calls, type CallCreateParams, type CallCreateResult } from "./calls";
export {
  Webhooks,
  unwrapWebhookEvent,
  signWebhook,
  verifyWebhookSignature,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  type UnwrapWebhookOptions,
  type SignWebhookParams,
  type VerifyWebhookParams,
  type WebhookHeaders,
  type WebhookSignatureHeaders,
} from "./webhooks";
export * from "./errors";
