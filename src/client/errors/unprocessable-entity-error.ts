import { APIError } from "./api-error";

/** HTTP 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  override readonly name: string = "UnprocessableEntityError";
}
