/** A parsed JSON object, as handlers see validated request bodies. */
export type JsonObject = Record<string, unknown>;

/** `value` when it is a plain JSON object, otherwise an empty one. */
export function asObject(value: unknown): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** `{[key]: value}` when the value was given, otherwise nothing, so absent fields stay absent. */
export function optional(key: string, value: unknown): JsonObject {
  return value === undefined ? {} : { [key]: value };
}
