import type { z } from "zod";
import { validate } from "../schemas";
import { invalidRequest } from "./errors";

/**
 * Validates a request body with one of the project's schemas; the first
 * issue becomes the API's 400 (`param` is its dotted path, e.g.
 * `session.audio.output.speed`, prefixed with `prefix` when given).
 *
 * @example
 * const body = parseBody(RealtimeCallReferRequest, json); // throws a 400 naming `target_uri` when absent
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const result = validate(schema, value, prefix);
  if (result.ok) return result.value as z.infer<S>;
  const first = result.issues[0];
  throw invalidRequest(first?.message ?? "Invalid request body.", first?.path ? first.path : null, first?.code ?? null);
}
