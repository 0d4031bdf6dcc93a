import { APIError } from "./api-error";

/** HTTP 401: the API key (or `ek_` token) is missing, invalid or expired. */
export class AuthenticationError extends APIError {
  override readonly name: string = "AuthenticationError";
}
