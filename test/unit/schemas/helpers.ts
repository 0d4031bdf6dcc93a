/** Test helpers: deep copies with one change at a path. */

type Path = readonly (string | number)[];

/** A deep copy of a JSON value. */
export const clone = <T>(value: T): T => structuredClone(value);

/** A deep copy of `value` with `key` set to `next` inside the object at `path`. */
export function withKey(value: unknown, path: Path, key: string, next: unknown): Record<string, unknown> {
  const copy = clone(value) as Record<string, unknown>;
  let target: unknown = copy;
  for (const segment of path) target = (target as Record<string | number, unknown>)[segment];
  if (typeof target !== "object" || target === null) throw new Error(`no object at ${path.join(".")}`);
  (target as Record<string, unknown>)[key] = next;
  return copy;
}

/** A deep copy of `value` with the value at `path` replaced. */
export function withValue(value: unknown, path: Path, next: unknown): Record<string, unknown> {
  const last = path[path.length - 1];
  if (last === undefined) throw new Error("empty path");
  return withKey(value, path.slice(0, -1), String(last), next);
}
