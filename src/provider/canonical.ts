import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * JSON with object keys sorted at every level, so equal configs give equal
 * text whatever order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * A config's `revision`: HMAC-SHA256 (hex) of its canonical JSON under the
 * resource's own `revisionKey` (random, stored as a secret output), so that
 * the plaintext state gives nothing to test guesses of the config against.
 * Without a key (outputs written before revisions were keyed), the plain
 * sha256 those releases stored.
 *
 * @example
 * ```ts
 * const key = newRevisionKey();
 * revisionOf({ model: "gpt-realtime" }, key) === revisionOf({ model: "gpt-realtime" }, key); // true
 * ```
 */
export function revisionOf(value: unknown, key: string | undefined): string {
  const text = canonicalJson(value);
  if (key === undefined) return createHash("sha256").update(text).digest("hex");
  return createHmac("sha256", key).update(text).digest("hex");
}

/** A fresh random key for {@link revisionOf}, one per resource. */
export function newRevisionKey(): string {
  return randomBytes(32).toString("hex");
}

/** A random resource id (`prefix_` and 24 hex digits): ids never derive from content. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}
