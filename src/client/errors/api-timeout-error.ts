import { APIConnectionError } from "./api-connection-error";

/** An attempt got no complete response within `timeout` ms. Retried before it is thrown. */
export class APITimeoutError extends APIConnectionError {
  override readonly name: string = "APITimeoutError";
  /** The per-attempt timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(method: string, path: string, timeoutMs: number) {
    super(method, path, `request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
