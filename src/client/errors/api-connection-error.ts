import { OpenAIRealtimeError } from "./openai-realtime-error";

/**
 * No HTTP response arrived: DNS failure, refused or reset connection, TLS
 * failure. Retried before it is thrown. Unlike the official SDK this does not
 * extend `APIError`, so `APIError.status` is always a number.
 */
export class APIConnectionError extends OpenAIRealtimeError {
  override readonly name: string = "APIConnectionError";
  /** HTTP method of the request. */
  readonly method: string;
  /** API path relative to `baseURL`. */
  readonly path: string;
  /** Retries made before this error was thrown (0 when the first answer was final). */
  retries = 0;

  constructor(method: string, path: string, detail: string, options?: { cause?: unknown }) {
    super(`${method} ${path}: ${detail}`, options);
    this.method = method;
    this.path = path;
  }
}
