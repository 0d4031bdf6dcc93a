import { APIError } from "./api-error";

/** HTTP >=500: the API failed (retried before this is thrown). */
export class InternalServerError extends APIError {
  override readonly name: string = "InternalServerError";
}
