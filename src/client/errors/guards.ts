import type { APIConnectionError } from "./api-connection-error";
import type { APIError } from "./api-error";
import type { APITimeoutError } from "./api-timeout-error";
import type { APIUserAbortError } from "./api-user-abort-error";
import type { AuthenticationError } from "./authentication-error";
import type { BadRequestError } from "./bad-request-error";
import type { ConflictError } from "./conflict-error";
import type { InternalServerError } from "./internal-server-error";
import type { NotFoundError } from "./not-found-error";
import type { OpenAIRealtimeError } from "./openai-realtime-error";
import type { PermissionDeniedError } from "./permission-denied-error";
import type { RateLimitError } from "./rate-limit-error";
import type { RequestValidationError } from "./request-validation-error";
import type { UnprocessableEntityError } from "./unprocessable-entity-error";
import type { WebhookVerificationError } from "./webhook-verification-error";

// Guards compare `name`, not the prototype: provider code runs in another
// process (and a second copy of this package has other classes), where
// `instanceof` is false for an error that is still one of ours.
const statusErrors = [
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
] as const;
const apiErrors = new Set<string>(["APIError", ...statusErrors]);
const connectionErrors = new Set<string>(["APIConnectionError", "APITimeoutError"]);
const allErrors = new Set<string>([
  "OpenAIRealtimeError",
  ...apiErrors,
  ...connectionErrors,
  "APIUserAbortError",
  "RequestValidationError",
  "WebhookVerificationError",
]);

function nameOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

function named<T>(names: ReadonlySet<string>): (value: unknown) => value is T {
  return (value): value is T => {
    const name = nameOf(value);
    return name !== undefined && names.has(name);
  };
}

/** Any error thrown by this package's client. */
export const isOpenAIRealtimeError = named<OpenAIRealtimeError>(allErrors);
/** The API answered with an error status (any subclass). */
export const isAPIError = named<APIError>(apiErrors);
/** HTTP 400. */
export const isBadRequestError = named<BadRequestError>(new Set(["BadRequestError"]));
/** HTTP 401. */
export const isAuthenticationError = named<AuthenticationError>(new Set(["AuthenticationError"]));
/** HTTP 403. */
export const isPermissionDeniedError = named<PermissionDeniedError>(new Set(["PermissionDeniedError"]));
/** HTTP 404. */
export const isNotFoundError = named<NotFoundError>(new Set(["NotFoundError"]));
/** HTTP 409. */
export const isConflictError = named<ConflictError>(new Set(["ConflictError"]));
/** HTTP 422. */
export const isUnprocessableEntityError = named<UnprocessableEntityError>(new Set(["UnprocessableEntityError"]));
/** HTTP 429. */
export const isRateLimitError = named<RateLimitError>(new Set(["RateLimitError"]));
/** HTTP >= 500. */
export const isInternalServerError = named<InternalServerError>(new Set(["InternalServerError"]));
/** No response arrived (includes timeouts). */
export const isAPIConnectionError = named<APIConnectionError>(connectionErrors);
/** An attempt timed out. */
export const isAPITimeoutError = named<APITimeoutError>(new Set(["APITimeoutError"]));
/** The caller's signal aborted the request. */
export const isAPIUserAbortError = named<APIUserAbortError>(new Set(["APIUserAbortError"]));
/** A request body failed validation before it was sent. */
export const isRequestValidationError = named<RequestValidationError>(new Set(["RequestValidationError"]));
/** A webhook delivery failed verification. */
export const isWebhookVerificationError = named<WebhookVerificationError>(new Set(["WebhookVerificationError"]));
