import { unwrapWebhookEvent, type WebhookHeaders } from "../client/webhooks";
import { WebhookVerificationError } from "../client/errors/webhook-verification-error";
import { validate, WebhookRealtimeCallIncoming, type WebhookEvent } from "../schemas";

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** Seconds of clock skew accepted either way. @default 300 */
  tolerance?: number | undefined;
  /** @default new Date() */
  now?: Date | undefined;
}

/**
 * Verifies an OpenAI webhook delivery (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`) and returns the parsed event.
 * Pass the raw body exactly as received. Unknown event types are returned as
 * they came, so check `type` (or {@link isCallIncoming}) before using `data`.
 *
 * @param secret `whsec_...`, or several during a rotation.
 *   @default process.env.OPENAI_WEBHOOK_SECRET
 * @throws WebhookVerificationError with a `reason`; answer the delivery with 400.
 * @example
 * ```ts
 * const event = verifyWebhook(rawBody, req.headers);
 * if (isCallIncoming(event)) await client.calls.accept(event.data.call_id, session);
 * ```
 */
export function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret?: string | readonly string[] | undefined,
  options: VerifyWebhookOptions = {},
): WebhookEvent {
  const resolved = secret ?? nonEmpty(process.env["OPENAI_WEBHOOK_SECRET"]);
  if (resolved === undefined) {
    throw new WebhookVerificationError(
      "missing_secret",
      "Missing webhook secret: pass it or set OPENAI_WEBHOOK_SECRET",
    );
  }
  return unwrapWebhookEvent(body, headers, resolved, options);
}

/**
 * Whether `event` is a well-formed `realtime.call.incoming` event (a SIP call
 * waiting for accept, refer or reject), narrowing its type.
 *
 * @example
 * ```ts
 * if (isCallIncoming(event)) console.log(event.data.call_id, event.data.sip_headers);
 * ```
 */
export function isCallIncoming(event: WebhookEvent): event is WebhookEvent & WebhookRealtimeCallIncoming {
  return event.type === "realtime.call.incoming" && validate(WebhookRealtimeCallIncoming, event).ok;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
