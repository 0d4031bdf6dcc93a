import { APIError } from "./api-error";

/** HTTP 400: the request was malformed or failed the API's validation. */
export class BadRequestError extends APIError {
  override readonly name: string = "BadRequestError";
}
