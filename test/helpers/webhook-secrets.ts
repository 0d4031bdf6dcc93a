// Webhook signing keys for tests, put together at run time so that no
// source file holds a string shaped like a real `whsec_` secret.

/**
 * A made-up signing key in the `whsec_` form: the base64 of `label`, so the
 * label says what the key is for. Never a real secret.
 *
 * @example
 * const secret = testWebhookSecret("other-secret-key"); // "whsec_" + base64 of the label
 */
export function testWebhookSecret(label: string): string {
  return `whsec_${Buffer.from(label).toString("base64")}`;
}

/**
 * The example key published with the Standard Webhooks specification, whose
 * known signature (msg_p5jXN8AQM9LWM0D4loKWxJek at 1614265330) checks our
 * signing against an independent answer. Public, never a real secret.
 */
export const STANDARD_WEBHOOKS_EXAMPLE_SECRET = ["whsec", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"].join("_");
