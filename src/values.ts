// Small helpers for JSON-shaped values, shared by every layer (no imports).

/** True for an object that is not null and not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path` under `root` (numbers index arrays, other keys objects), or undefined where the path does not exist. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isRecord(current)) return undefined;
      current = (current as Record<PropertyKey, unknown>)[segment];
    }
  }
  return current;
}
