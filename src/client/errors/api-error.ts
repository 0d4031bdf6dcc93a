import { OpenAIRealtimeError } from "./openai-realtime-error";

/** The `error` object of an OpenAI error response (`{"error": {...}}`). */
export interface APIErrorBody {
  message?: string | undefined;
  type?: string | undefined;
  param?: string | null | undefined;
  code?: string | null | undefined;
}

/** What the transport knows about a failed response. */
export interface APIErrorInit {
  status: number;
  method: string;
  /** API path relative to `baseURL`, e.g. `/realtime/client_secrets`. */
  path: string;
  headers: Record<string, string>;
  /** The API's error object, when the body had one. */
  error?: APIErrorBody | undefined;
  /** Used when the body carried no API message (e.g. a proxy's HTML page). */
  fallbackMessage?: string | undefined;
}

/**
 * The API answered with an error status. Subclasses name the common statuses;
 * other statuses (e.g. 405, 413, or 408 once retries are spent) are plain
 * `APIError`s.
 *
 * The message says what failed and where, e.g.
 * `400 POST /realtime/client_secrets: Invalid 'expires_after.seconds': ... (param: expires_after.seconds, code: integer_below_min_value, request id: req_123)`.
 */
export class APIError extends OpenAIRealtimeError {
  override readonly name: string = "APIError";
  /** HTTP status code. */
  readonly status: number;
  /** HTTP method of the request. */
  readonly method: string;
  /** API path relative to `baseURL`. */
  readonly path: string;
  /** `x-request-id` of the response; quote it to OpenAI support. */
  readonly requestId: string | undefined;
  /** The API's own message, without our prefix. */
  readonly apiMessage: string | undefined;
  /** The request parameter the API blamed, e.g. `expires_after.seconds`. */
  readonly param: string | undefined;
  /** The API's machine-readable error code, e.g. `integer_below_min_value`. */
  readonly code: string | undefined;
  /** The API's error type, e.g. `invalid_request_error`. */
  readonly type: string | undefined;
  /** The API's error object as sent, when there was one. */
  readonly error: APIErrorBody | undefined;
  /** Response headers (lower-case names). */
  readonly headers: Record<string, string>;
  /** Retries made before this error was thrown (0 when the first answer was final). */
  retries = 0;

  constructor(init: APIErrorInit) {
    const requestId = init.headers["x-request-id"];
    const apiMessage = init.error?.message;
    const param = init.error?.param ?? undefined;
    const code = init.error?.code ?? undefined;
    const details = [
      param !== undefined ? `param: ${param}` : undefined,
      code !== undefined ? `code: ${code}` : undefined,
      requestId !== undefined ? `request id: ${requestId}` : undefined,
    ].filter((d) => d !== undefined);
    const text = apiMessage ?? init.fallbackMessage ?? "no error message in the response";
    super(
      `${init.status} ${init.method} ${init.path}: ${text}` + (details.length > 0 ? ` (${details.join(", ")})` : ""),
    );
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.requestId = requestId;
    this.apiMessage = apiMessage;
    this.param = param;
    this.code = code;
    this.type = init.error?.type;
    this.error = init.error;
    this.headers = init.headers;
  }
}
