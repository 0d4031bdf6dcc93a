import { OpenAIRealtimeError } from "./openai-realtime-error";

/** Why a webhook delivery was refused. */
export type WebhookVerificationReason =
  | "missing_header"
  | "invalid_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature"
  | "missing_secret"
  | "invalid_secret"
  | "invalid_payload";

/**
 * A webhook delivery failed Standard Webhooks verification (or, for
 * `invalid_payload`, was signed correctly but is not an event). Answer such a
 * delivery with 400. The message never contains the secret.
 */
export class WebhookVerificationError extends OpenAIRealtimeError {
  override readonly name: string = "WebhookVerificationError";
  /** Machine-readable reason, for metrics and tests. */
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
