import type { WebhookEvent } from "../schemas";
import { WebhookVerificationError } from "./errors/webhook-verification-error";
import { envelopeProblems } from "./webhook-envelope";
import { verifyWebhookSignature, type WebhookHeaders } from "./webhook-signature";

export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhookSignature,
  type SignWebhookParams,
  type VerifyWebhookParams,
  type WebhookHeaders,
  type WebhookSignatureHeaders,
} from "./webhook-signature";

/** Options of {@link unwrapWebhookEvent}. */
export interface UnwrapWebhookOptions {
  /** Seconds of clock skew accepted either way. @default 300 */
  tolerance?: number | undefined;
  /** @default new Date() */
  now?: Date | undefined;
}

/**
 * Verifies a delivery's signature, then parses its body as a webhook event.
 * Event types this package does not know yet are returned as they came, so a
 * new OpenAI event never breaks a receiver.
 *
 * @throws WebhookVerificationError (`invalid_payload` when the signed body is
 *   not a JSON event).
 */
export function unwrapWebhookEvent(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: UnwrapWebhookOptions = {},
): WebhookEvent {
  verifyWebhookSignature({ body, headers, secret, tolerance: options.tolerance, now: options.now });
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError("invalid_payload", "Webhook body is not valid JSON");
  }
  const problems = envelopeProblems(json);
  if (problems.length > 0) {
    const listed = problems.join(" ");
    throw new WebhookVerificationError("invalid_payload", `Webhook body is not a valid event: ${listed}`);
  }
  // The raw JSON, not the parsed copy: fields this package does not model yet are kept.
  return json as WebhookEvent;
}

/**
 * `client.webhooks`: the official SDK's webhook helpers. The secret defaults
 * to `ClientOptions.webhookSecret`, else `OPENAI_WEBHOOK_SECRET`.
 *
 * @example
 * ```ts
 * const event = await client.webhooks.unwrap(rawBody, req.headers);
 * if (event.type === "realtime.call.incoming") await client.calls.accept(event.data.call_id, session);
 * ```
 */
export class Webhooks {
  readonly #secret: string | undefined;

  /** @param secret the client's default secret, if any. */
  constructor(secret: string | undefined) {
    this.#secret = secret;
  }

  /** Verifies the signature and returns the parsed event. */
  async unwrap(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret?: string | null | undefined,
    tolerance?: number | undefined,
  ): Promise<WebhookEvent> {
    return unwrapWebhookEvent(body, headers, this.#resolve(secret), { tolerance });
  }

  /** Verifies the signature only. */
  async verifySignature(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret?: string | null | undefined,
    tolerance?: number | undefined,
  ): Promise<void> {
    verifyWebhookSignature({ body, headers, secret: this.#resolve(secret), tolerance });
  }

  #resolve(secret: string | null | undefined): string {
    const resolved = secret ?? this.#secret;
    if (resolved === undefined || resolved === "") {
      throw new WebhookVerificationError(
        "missing_secret",
        "Missing webhook secret: pass it, set webhookSecret on the client, or set OPENAI_WEBHOOK_SECRET",
      );
    }
    return resolved;
  }
}
