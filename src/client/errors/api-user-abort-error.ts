import { OpenAIRealtimeError } from "./openai-realtime-error";

/**
 * The caller's `signal` aborted the request (named as in the official SDK).
 * Never retried. The request may still have reached the API.
 *
 * @example
 * ```ts
 * await client.calls.hangup(id, { signal: AbortSignal.timeout(2_000) }).catch((e) => isAPIUserAbortError(e));
 * ```
 */
export class APIUserAbortError extends OpenAIRealtimeError {
  override readonly name: string = "APIUserAbortError";
  /** HTTP method of the request. */
  readonly method: string;
  /** API path relative to `baseURL`. */
  readonly path: string;

  constructor(method: string, path: string, options?: { cause?: unknown }) {
    super(`${method} ${path}: request was aborted by the caller's signal`, options);
    this.method = method;
    this.path = path;
  }
}
