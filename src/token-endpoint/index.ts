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
