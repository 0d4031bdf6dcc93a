import { randomBytes } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `n` random hex characters (n even). */
function hex(n: number): string {
  return randomBytes(n / 2).toString("hex");
}

/** `n` random alphanumeric characters, like the API's session ids. */
function alnum(n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  // 248 is the largest multiple of 62 below 256; rejecting above it keeps the draw uniform.
  for (let i = 0; out.length < n; i++) {
    const b = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (b < 248) out += ALNUM[b % 62];
  }
  return out;
}

/** An ephemeral client secret: `ek_` + 32 random characters. */
export const newClientSecret = (): string => `ek_${hex(32)}`;
/** A session id shaped like `sess_C9CiUVUzUzYIssh3ELY1d`. */
export const newSessionId = (): string => `sess_${alnum(21)}`;
/** A call id shaped like `rtc_479a275623b54bdb9b6fbae2f7cbd408`. */
export const newCallId = (): string => `rtc_${hex(32)}`;
/** A request id for the `x-request-id` header. */
export const newRequestId = (): string => `req_${hex(32)}`;
/** A webhook event id. */
export const newEventId = (): string => `evt_${hex(24)}`;
/** A webhook message id (the Standard Webhooks `webhook-id`, stable across retries). */
export const newWebhookId = (): string => `wh_${hex(24)}`;
/** Random characters for SDP credentials (ICE ufrag/pwd). */
export const randomToken = (n: number): string => alnum(n);
/** A random `AA:BB:...` sha-256 fingerprint for SDP answers. */
export const randomFingerprint = (): string =>
  randomBytes(32)
    .toString("hex")
    .toUpperCase()
    .match(/../g)!
    .join(":");
