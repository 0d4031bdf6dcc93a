import { formatPath } from "../schemas/issues";

/**
 * A path from the file root as problems show it: the section and the entry
 * joined by a dot (`callRoutes.2`, `templates.concierge`), then the field
 * as the schemas' messages write it (`session.tools[0].name`).
 *
 * @example
 * problemPath(["callRoutes", 2, "match", "to"]); // "callRoutes.2.match.to"
 * problemPath(["templates", "a", "session", "tools", 0]); // "templates.a.session.tools[0]"
 */
export function problemPath(segments: ReadonlyArray<string | number>): string {
  if (segments.length < 2) return formatPath(segments);
  return formatPath(segments.slice(2), entryId(String(segments[0]), String(segments[1])));
}

/** The id of an entry: `templates.concierge`, `callRoutes.2`. */
export function entryId(section: string, name: string): string {
  return `${section}.${name}`;
}

/**
 * Splits a path under an entry, as the schemas' messages write it, back
 * into segments.
 *
 * @example
 * parseFieldPath("session.tools[0].name"); // ["session", "tools", 0, "name"]
 */
export function parseFieldPath(text: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
