/**
 * SIP call handling without Pulumi: webhook verification, route matching,
 * the call router and its stores. Exported as `pulumi-openai-realtime/calls`.
 *
 * @packageDocumentation
 */
export { verifyWebhook, isCallIncoming, type VerifyWebhookOptions } from "./webhook";
export { WebhookVerificationError, type WebhookVerificationReason } from "../client/errors/webhook-verification-error";
export { signWebhook, type WebhookHeaders } from "../client/webhooks";
export { compileMatcher, compileRoutes, sipUri, type SipHeaderValue } from "./match";
export { parseResolvedRoutes, stepsFor, REFER_BRIDGE_SESSION } from "./routes";
export { runCallStep, type CallStep, type StepOutcome, type StepResult, type RetryPolicy } from "./actions";
export { WebhookSecrets, parseSecretList, type WebhookSecretOptions } from "./secrets";
export { MemoryStore, type RouterStore } from "./store";
export { RedisStore, openStore, redactUrl, type RedisStoreOptions } from "./redis-store";
export { RouterMetrics, LATENCY_BUCKETS } from "./metrics";
export { CallRouter, type CallRouterOptions, type DeliveryAnswer, type LogRecord } from "./router";
export { startRouterServer, type RouterServerOptions, type RunningRouter } from "./server";
