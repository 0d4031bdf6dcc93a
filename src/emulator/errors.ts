/**
 * Errors the emulator answers with, in the API's wire shape
 * `{"error": {"message", "type", "param", "code"}}`.
 */

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * An error a handler throws to answer with a given status and OpenAI-shaped body.
 *
 * @example
 * throw new EmulatorApiError(404, "Invalid URL (GET /v1/nope)", "invalid_request_error");
 */
export class EmulatorApiError extends Error {
  override readonly name = "EmulatorApiError";

  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The response body for this error. */
  toBody(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 `invalid_request_error` naming the offending parameter. */
export function invalidRequest(message: string, param: string | null = null, code: string | null = null): EmulatorApiError {
  return new EmulatorApiError(400, message, "invalid_request_error", param, code);
}

/** 400 for a body that is not JSON; the message follows the API's own wording. */
export function malformedJson(): EmulatorApiError {
  return invalidRequest(
    "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
  );
}

/** 401 for a request without any bearer token (the API sends `code: null` here). */
export function missingApiKey(): EmulatorApiError {
  return new EmulatorApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    "invalid_request_error",
  );
}

/**
 * 401 for a wrong, unknown or expired token. The API echoes a masked key; the
 * emulator echoes nothing so no secret can leak through logs of error bodies.
 */
export function invalidApiKey(reason = "Incorrect API key provided."): EmulatorApiError {
  return new EmulatorApiError(401, reason, "invalid_request_error", null, "invalid_api_key");
}

/** 404 for a route the API does not have, worded as the API words it. */
export function invalidUrl(method: string, path: string): EmulatorApiError {
  return new EmulatorApiError(404, `Invalid URL (${method} ${path})`, "invalid_request_error");
}

/** 404 for a call id the emulator never issued. */
export function callNotFound(callId: string): EmulatorApiError {
  return new EmulatorApiError(404, `No call found with id '${callId}'.`, "invalid_request_error", "call_id", "not_found");
}

/** 413 for bodies above the emulator's size limit. */
export function bodyTooLarge(limitBytes: number): EmulatorApiError {
  return new EmulatorApiError(413, `Request body exceeds the ${limitBytes} byte limit.`, "invalid_request_error");
}

/**
 * The error for an injected fault with the given status: 429 looks like the
 * API's rate limit (with `retry-after`), 5xx like its `server_error`.
 */
export function injectedFault(status: number, retryAfterSeconds: number): EmulatorApiError {
  if (status === 429) {
    return new EmulatorApiError(429, "Rate limit reached for requests (injected by the emulator).", "requests", null, "rate_limit_exceeded", {
      "retry-after": String(retryAfterSeconds),
    });
  }
  if (status >= 500) {
    return new EmulatorApiError(
      status,
      "The server had an error while processing your request (injected by the emulator).",
      "server_error",
    );
  }
  if (status === 401) return invalidApiKey("Incorrect API key provided (injected by the emulator).");
  return new EmulatorApiError(status, `Injected fault with status ${status}.`, "invalid_request_error");
}

/** 500 for a bug in the emulator itself, so clients never see a bare socket hang-up. */
export function internalError(): EmulatorApiError {
  return new EmulatorApiError(500, "The emulator failed while processing your request.", "server_error");
}
