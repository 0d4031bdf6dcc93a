/** Marks where a secret was removed. */
export const REDACTED = "[redacted]";

// Keys, client secrets and webhook secrets, wherever they appear inside a string.
const SECRET_PATTERN = /\b(?:sk-[A-Za-z0-9_-]+|ek_[A-Za-z0-9_-]+|whsec_[A-Za-z0-9+/=_-]+)/g;

// Field names whose string values are credentials whatever they look like.
const SECRET_KEY = /^(?:authorization|api[_-]?key|secret|client_secret|webhook[_-]?secret)$/i;

/**
 * `text` with every `sk-...`, `ek_...` and `whsec_...` token replaced.
 *
 * @example
 * redactText("Bearer sk-abc") // "Bearer [redacted]"
 */
export function redactText(text: string): string {
  return text.replace(SECRET_PATTERN, REDACTED);
}

/**
 * A deep copy of a parsed JSON value with secrets removed: tokens inside any
 * string, and every string under a credential-named field.
 *
 * @example
 * redactJson({ client_secret: { value: "abc" }, note: "sk-1" }) // { client_secret: { value: "[redacted]" }, note: "[redacted]" }
 */
export function redactJson(value: unknown, underSecret = false): unknown {
  if (typeof value === "string") return underSecret ? REDACTED : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, underSecret));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, underSecret || SECRET_KEY.test(k))]));
  }
  return value;
}
