import { APIError } from "./api-error";

/** HTTP 409: the resource is in a conflicting state (retried before this is thrown). */
export class ConflictError extends APIError {
  override readonly name: string = "ConflictError";
}
