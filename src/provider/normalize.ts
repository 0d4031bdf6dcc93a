import { z } from "zod";
import { valueAt } from "../values";

// Fields the API reports about a minted session that a request cannot carry.
const RESPONSE_ONLY = ["id", "object", "expires_at", "client_secret"];
const MAX_PASSES = 50;

/**
 * Turns the effective session the API reports back into a valid request body
 * for `schema`: drops ids, expiry and other response-only fields, and nulls
 * where the request does not accept null, so the result can be sent as the
 * `session` of a client secret or a call accept.
 */
export function toRequestBody(effective: unknown, schema: z.ZodType): Record<string, unknown> {
  const body = structuredClone((effective ?? {}) as Record<string, unknown>);
  for (const key of RESPONSE_ONLY) delete body[key];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = schema.safeParse(body);
    if (result.success) return body;
    let removed = false;
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) removed = removeAt(body, [...issue.path, key]) || removed;
      } else if (valueAt(body, issue.path) === null) {
        removed = removeAt(body, issue.path) || removed;
      }
    }
    // What is left is a real disagreement between the API and the schema;
    // keep the API's answer rather than invent a value.
    if (!removed) return body;
  }
  return body;
}

function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as PropertyKey;
  if (parent === null || typeof parent !== "object" || !(last in parent)) return false;
  if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else delete (parent as Record<PropertyKey, unknown>)[last];
  return true;
}

