import { APIError } from "./api-error";

/** HTTP 429: rate or quota limit reached (retried before this is thrown; see `headers["retry-after"]`). */
export class RateLimitError extends APIError {
  override readonly name: string = "RateLimitError";
}
