/** Words used in issue messages; kept apart so the wording is in one place. */

// A value that looks like a credential is never echoed back, even in a validation message that
// would only reach its own author: messages end up in logs and CI output.
const SECRET_LIKE = /^(sk-|sk_|rk-|ek_|whsec_|Bearer )/;
const MAX_ECHO = 64;

/**
 * A value as a message quotes it: strings in single quotes (shortened, secrets redacted), numbers,
 * booleans and `null` literally, anything else by its kind.
 *
 * @example
 * describeValue("loud"); // "'loud'"
 * describeValue({}); // "an object"
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    if (SECRET_LIKE.test(value)) return "'[redacted]'";
    return value.length > MAX_ECHO ? `'${value.slice(0, MAX_ECHO - 3)}...'` : `'${value}'`;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return kindOf(value);
}

/**
 * The kind of a received value, worded as the OpenAI API does (`a decimal` for non-integers).
 *
 * @example
 * kindOf(1.5); // "a decimal"
 */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a decimal";
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean",
  object: "an object",
  record: "an object",
  array: "an array",
  tuple: "an array",
  null: "null",
};

/**
 * A zod `expected` type in words.
 *
 * @example
 * expectedKind("int"); // "an integer"
 */
export function expectedKind(expected: string): string {
  return EXPECTED[expected] ?? `a ${expected}`;
}

/**
 * Allowed values as a list: `'a', 'b', 'c'`.
 *
 * @example
 * joinValues(["low", "high"]); // "'low', 'high'"
 */
export function joinValues(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === "string" ? `'${value}'` : String(value))).join(", ");
}

/**
 * The source of a regex as zod prints it (`/^a$/` -> `^a$`).
 *
 * @example
 * patternSource("/^tunnel_[a-z0-9]{32}$/"); // "^tunnel_[a-z0-9]{32}$"
 */
export function patternSource(pattern: string): string {
  const match = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return match?.[1] ?? pattern;
}
