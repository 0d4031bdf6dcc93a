import { z } from "zod";

/**
 * The `Error` component: what went wrong (`message`), its kind (`type`, e.g.
 * `invalid_request_error`), the offending parameter and a machine code. Named `ApiErrorBody` to
 * stay clear of the global `Error`.
 *
 * @example
 * ApiErrorBody.parse({ message: "Unknown parameter: 'session.foo'.", type: "invalid_request_error", param: "session.foo", code: "unknown_parameter" });
 */
export const ApiErrorBody = z.looseObject({
  message: z.string(),
  type: z.string(),
  param: z.string().nullable(),
  code: z.string().nullable(),
});
/** An API error. */
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * Body of every API error response: `{ "error": { message, type, param, code } }`.
 *
 * @example
 * const body = ErrorResponse.safeParse(await response.json());
 */
export const ErrorResponse = z.looseObject({ error: ApiErrorBody });
/** Body of an API error response. */
export type ErrorResponse = z.infer<typeof ErrorResponse>;
