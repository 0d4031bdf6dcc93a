import { APIError } from "./api-error";

/** HTTP 403: the key may not use this resource, model or project. */
export class PermissionDeniedError extends APIError {
  override readonly name: string = "PermissionDeniedError";
}
