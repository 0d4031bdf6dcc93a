export { OpenAIRealtimeError } from "./openai-realtime-error";
export { APIError, type APIErrorBody, type APIErrorInit } from "./api-error";
export { BadRequestError } from "./bad-request-error";
export { AuthenticationError } from "./authentication-error";
export { PermissionDeniedError } from "./permission-denied-error";
export { NotFoundError } from "./not-found-error";
export { ConflictError } from "./conflict-error";
export { UnprocessableEntityError } from "./unprocessable-entity-error";
export { RateLimitError } from "./rate-limit-error";
export { InternalServerError } from "./internal-server-error";
export { APIConnectionError } from "./api-connection-error";
export { APITimeoutError } from "./api-timeout-error";
export { APIUserAbortError } from "./api-user-abort-error";
export { RequestValidationError } from "./request-validation-error";
export { WebhookVerificationError, type WebhookVerificationReason } from "./webhook-verification-error";
export {
  isOpenAIRealtimeError,
  isAPIError,
  isBadRequestError,
  isAuthenticationError,
  isPermissionDeniedError,
  isNotFoundError,
  isConflictError,
  isUnprocessableEntityError,
  isRateLimitError,
  isInternalServerError,
  isAPIConnectionError,
  isAPITimeoutError,
  isAPIUserAbortError,
  isRequestValidationError,
  isWebhookVerificationError,
} from "./guards";
