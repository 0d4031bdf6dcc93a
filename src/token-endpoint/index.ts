/**
 * Run-time tokens from declared templates, without Pulumi: the endpoint
 * definitions (`tokenEndpoints` stack output) and the handler that mints one
 * `ek_` token per request. Exported as `pulumi-openai-realtime/tokens`.
 *
 * @packageDocumentation
 */
export {
  DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS,
  TOKEN_ENDPOINT_NAME,
  TokenEndpointAuth,
  TokenEndpointOrigin,
  TokenEndpointRateLimit,
  TokenEndpointDefinition,
  TokenEndpoints,
  TokenEndpointsError,
  parseTokenEndpoints,
  type TokenEndpointDefinitionInput,
  type TokenEndpointsInput,
} from "./definitions";
export {
  createTokenHandler,
  originAllowed,
  TokenRequestError,
  type Authorization,
  type Authorize,
  type TokenEndpointRequest,
  type TokenHandler,
  type TokenHandlerOptions,
  type TokenOutcome,
  type TokenRequestContext,
  type TokenRequestRecord,
} from "./handler";
export { toNodeListener, writeResponse, type NodeListenerOptions } from "./node";
export { MemoryRateLimits, bucketOf, type ClientRateLimits, type RateDecision } from "./rate-limits";
export { withoutCredentials } from "./credentials";
export { RedisRateLimits } from "./redis-rate-limits";
export { TokenMetrics, MINT_LATENCY_BUCKETS } from "./metrics";
export { startTokenServer, type TokenServerOptions, type RunningTokenServer } from "./server";
