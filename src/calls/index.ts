/**
 * SIP call handling without Pulumi: webhook verification and (in later
 * modules) routing decisions. Exported as `pulumi-openai-realtime/calls`.
 *
 * @packageDocumentation
 */
export { verifyWebhook, isCallIncoming, type VerifyWebhookOptions } from "./webhook";
export { WebhookVerificationError, type WebhookVerificationReason } from "../client/errors/webhook-verification-error";
export { signWebhook, type WebhookHeaders } from "../client/webhooks";
