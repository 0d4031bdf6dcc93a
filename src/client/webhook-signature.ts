import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "./errors/webhook-verification-error";

/** Seconds a delivery's timestamp may differ from now, either way (Standard Webhooks default). */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** Request headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The three Standard Webhooks headers of one delivery. */
// A type alias, not an interface, so it stays assignable to header records.
export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** Input of {@link signWebhook}. */
export interface SignWebhookParams {
  /** Delivery id, e.g. `evt_...` or `msg_...`; the receiver may use it to drop duplicates. */
  id: string;
  /** Unix seconds. @default now */
  timestamp?: number | undefined;
  /** The exact body bytes that will be sent. */
  body: string | Uint8Array;
  /** `whsec_<base64 key>`; several sign with each (what a sender does while rotating). */
  secret: string | readonly string[];
}

/** Input of {@link verifyWebhookSignature}. */
export interface VerifyWebhookParams {
  /** The raw body as received: verify before any JSON parsing or re-serializing. */
  body: string | Uint8Array;
  headers: WebhookHeaders;
  /** `whsec_<base64 key>`; with several, a signature by any of them is accepted. */
  secret: string | readonly string[];
  /** @default 300 */
  tolerance?: number | undefined;
  /** @default new Date() */
  now?: Date | undefined;
}

const SECRET_PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : undefined;
  if (encoded === undefined || !BASE64.test(encoded) || encoded.length % 4 === 1) {
    throw new WebhookVerificationError("invalid_secret", "Webhook secret must be whsec_ followed by a base64 key");
  }
  return Buffer.from(encoded, "base64");
}

function signature(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
}

function secretList(secret: string | readonly string[]): readonly string[] {
  const list = typeof secret === "string" ? [secret] : secret;
  if (list.length === 0) throw new WebhookVerificationError("missing_secret", "No webhook secret given");
  return list;
}

/**
 * Signs a webhook delivery the way OpenAI does (Standard Webhooks `v1`):
 * HMAC-SHA256 over `${id}.${timestamp}.${body}` with the base64-decoded part
 * of the `whsec_` secret. Returns the headers to send with the body.
 *
 * @example
 * ```ts
 * const headers = signWebhook({ id: "evt_1", body, secret: "whsec_c2VjcmV0" });
 * await fetch(url, { method: "POST", body, headers: { ...headers, "content-type": "application/json" } });
 * ```
 */
export function signWebhook(params: SignWebhookParams): WebhookSignatureHeaders {
  const timestamp = String(params.timestamp ?? Math.floor(Date.now() / 1000));
  const signatures = secretList(params.secret).map(
    (s) => `v1,${signature(secretKey(s), params.id, timestamp, params.body).toString("base64")}`,
  );
  return { "webhook-id": params.id, "webhook-timestamp": timestamp, "webhook-signature": signatures.join(" ") };
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    return typeof value === "string" ? value : value.join(" ");
  }
  return undefined;
}

function requireHeader(headers: WebhookHeaders, name: string): string {
  const value = header(headers, name)?.trim();
  if (value === undefined || value === "") {
    throw new WebhookVerificationError("missing_header", `Missing ${name} header`);
  }
  return value;
}

/**
 * Verifies a webhook delivery (Standard Webhooks, as OpenAI sends them):
 * the timestamp is within `tolerance` of now (both ways, against replays),
 * and some `v1,<base64>` entry of `webhook-signature` matches, compared in
 * constant time. Any entry may match, so a sender can sign with an old and a
 * new secret during rotation.
 *
 * @throws WebhookVerificationError with a `reason`; the message never
 *   contains the secret.
 * @example
 * ```ts
 * verifyWebhookSignature({ body: rawBody, headers: req.headers, secret: process.env.OPENAI_WEBHOOK_SECRET! });
 * ```
 */
export function verifyWebhookSignature(params: VerifyWebhookParams): void {
  const keys = secretList(params.secret).map(secretKey);
  const id = requireHeader(params.headers, "webhook-id");
  const timestamp = requireHeader(params.headers, "webhook-timestamp");
  const signatures = requireHeader(params.headers, "webhook-signature");
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError("invalid_timestamp", "Invalid webhook-timestamp header: expected unix seconds");
  }
  const tolerance = params.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((params.now ?? new Date()).getTime() / 1000);
  const age = nowSeconds - Number(timestamp);
  if (age > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_too_old",
      `Webhook timestamp is too old: ${age} s before now (tolerance ${tolerance} s)`,
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_too_new",
      `Webhook timestamp is too new: ${-age} s after now (tolerance ${tolerance} s)`,
    );
  }
  const expected = keys.map((key) => signature(key, id, timestamp, params.body));
  const candidates = signatures
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => Buffer.from(entry.slice(3), "base64"));
  const matched = candidates.some((candidate) =>
    expected.some((want) => candidate.length === want.length && timingSafeEqual(candidate, want)),
  );
  if (!matched) {
    throw new WebhookVerificationError(
      "no_matching_signature",
      `No webhook-signature entry matches the body (checked ${candidates.length} v1 ${candidates.length === 1 ? "entry" : "entries"})`,
    );
  }
}
