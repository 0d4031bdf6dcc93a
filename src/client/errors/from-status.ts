import { APIError, type APIErrorInit } from "./api-error";
import { AuthenticationError } from "./authentication-error";
import { BadRequestError } from "./bad-request-error";
import { ConflictError } from "./conflict-error";
import { InternalServerError } from "./internal-server-error";
import { NotFoundError } from "./not-found-error";
import { PermissionDeniedError } from "./permission-denied-error";
import { RateLimitError } from "./rate-limit-error";
import { UnprocessableEntityError } from "./unprocessable-entity-error";

const byStatus: Readonly<Record<number, new (init: APIErrorInit) => APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The `APIError` subclass for a status, as the official SDK maps them. */
export function apiErrorFromStatus(init: APIErrorInit): APIError {
  if (init.status >= 500) return new InternalServerError(init);
  const Cls = byStatus[init.status] ?? APIError;
  return new Cls(init);
}
