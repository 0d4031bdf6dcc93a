/**
 * The problems with a parsed webhook body as an event envelope (`id`, `type`,
 * `created_at`, optional `object`, `data`), in the wording of the package's
 * validation messages; empty when it is one.
 *
 * The same rules as the `WebhookEvent` schema, checked by hand so that
 * verifying a webhook does not load zod and every schema (most of the
 * client's import time); a unit test holds the two in agreement on random
 * input.
 *
 * @example
 * ```ts
 * envelopeProblems({ id: "evt_1", type: "realtime.call.incoming", created_at: 1 });
 * // ["Missing required parameter: 'data'."]
 * ```
 */
export function envelopeProblems(json: unknown): string[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return [`Invalid type for 'body': expected an object, got ${kindOf(json)}.`];
  }
  const event = json as Record<string, unknown>;
  const problems: string[] = [];
  const check = (key: string, expected: string, ok: (v: unknown) => boolean, optional = false): void => {
    const value = event[key];
    // An optional field may be null, as the schema's loose (response-side) optional allows.
    if (value === undefined || (optional && value === null)) {
      if (!optional) problems.push(`Missing required parameter: '${key}'.`);
    } else if (!ok(value)) {
      problems.push(`Invalid type for '${key}': expected ${expected}, got ${kindOf(value)}.`);
    }
  };
  const isString = (v: unknown): boolean => typeof v === "string";
  check("id", "a string", isString);
  check("type", "a string", isString);
  check("created_at", "an integer", (v) => Number.isSafeInteger(v));
  check("object", "a string", isString, true);
  check("data", "an object", (v) => typeof v === "object" && v !== null && !Array.isArray(v));
  return problems;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
