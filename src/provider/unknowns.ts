// During preview the engine passes values it does not know yet (outputs of
// resources still to be created) as this sentinel string. It is part of the
// engine's wire protocol and stable across releases.
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is, or contains, an unknown value. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * True when the value at `path` (keys and indices), or any value on the way
 * to it, is unknown: a validation issue there cannot be judged yet. With
 * `deep`, an unknown anywhere below the value counts too (for a union or an
 * object judged as a whole).
 */
export function isUnknownAt(root: unknown, path: readonly PropertyKey[], deep: boolean): boolean {
  let current: unknown = root;
  if (current === UNKNOWN) return true;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<PropertyKey, unknown>)[segment];
    if (current === UNKNOWN) return true;
  }
  return deep && containsUnknown(current);
}
