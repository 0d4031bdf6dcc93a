import { APIError } from "./api-error";

/** HTTP 404: the path or the call id does not exist. */
export class NotFoundError extends APIError {
  override readonly name: string = "NotFoundError";
}
