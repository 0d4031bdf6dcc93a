/**
 * Attaches the response's `x-request-id` to a result as `_request_id`, as the
 * official SDK does: non-enumerable, so it stays out of `JSON.stringify`,
 * spreads and Pulumi state, yet `result._request_id` reads it for a support
 * ticket.
 *
 * @example
 * ```ts
 * const secret = await client.clientSecrets.create(body);
 * console.log(secret._request_id); // "req_..."
 * ```
 */
export function withRequestId<T extends object>(result: T, headers: Readonly<Record<string, string>>): T & WithRequestId {
  Object.defineProperty(result, "_request_id", {
    value: headers["x-request-id"],
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return result as T & WithRequestId;
}

/** A result that carries the request id of the response it came from. */
export interface WithRequestId {
  /** `x-request-id` of the response, `undefined` when the server sent none. */
  readonly _request_id?: string | undefined;
}
