import { z } from "zod";
import { validate } from "../schemas/issues";
import { integer } from "../schemas/kit";
import { ClientSecretSession } from "../schemas/resource-args";

// The resolved token endpoints: the `tokenEndpoints` stack output and the
// `--endpoints` file share this shape, an object keyed by endpoint name. Each
// entry carries its template's effective session, so the service mints from
// what `pulumi up` published, without the realtime.yaml at hand.

/** Lifetime of a minted token when an endpoint names none, in seconds. */
export const DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS = 60;

/** An endpoint name: the `{endpoint}` of `POST /tokens/{endpoint}` (same rule as realtime.yaml entry names). */
export const TOKEN_ENDPOINT_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** How a caller proves who it is: a bearer token, a signed JWT, or nothing (only when written). */
export const TokenEndpointAuth = z.enum(["bearer", "jwt", "none"]);
/** `bearer | jwt | none`. */
export type TokenEndpointAuth = z.infer<typeof TokenEndpointAuth>;

/**
 * A browser origin allowed to call the endpoint: `scheme://host[:port]`
 * without a path, or `*` in the host for a wildcard (which the policy pack
 * refuses; it is accepted here so that the rule has something to judge).
 */
export const TokenEndpointOrigin = z
  .string()
  .regex(/^(\*|https?:\/\/(\*\.)?[A-Za-z0-9*.-]+(:\d{1,5})?|https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?)$/, {
    error: "must be an origin like 'https://app.example.com' (scheme://host[:port], no path or trailing slash)",
  });

/** Per-client token bucket: `burst` mints at once, refilled at `perMinute`. */
export const TokenEndpointRateLimit = z.strictObject({
  /** Mints per minute per client, sustained. */
  perMinute: integer(1, 1_000_000),
  /** Mints a client may make at once. @default perMinute */
  burst: integer(1, 1_000_000).optional(),
});
/** A per-client rate limit. */
export type TokenEndpointRateLimit = z.infer<typeof TokenEndpointRateLimit>;

/** One resolved token endpoint. */
export const TokenEndpointDefinition = z.strictObject({
  /** The realtime.yaml template it mints from. */
  template: z.string().min(1),
  /** The template's `revision` output (changes exactly when its config does; keyed per template), returned with each token. */
  revision: z.string().min(1),
  /** The template's effective session: what every token of this endpoint is minted with. */
  session: ClientSecretSession,
  /** Lifetime of each token, 10..7200 seconds. @default 60 */
  expiresAfterSeconds: integer(10, 7200).default(DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS),
  /** Browser origins allowed (CORS); absent = no browser origin allowed. */
  allowedOrigins: z.array(TokenEndpointOrigin).optional(),
  /** Per-client rate limit; absent = no limit. */
  rateLimit: TokenEndpointRateLimit.optional(),
  /** How callers authenticate. @default "bearer" */
  auth: TokenEndpointAuth.default("bearer"),
});
/** A token endpoint as written (defaults may be absent). */
export type TokenEndpointDefinitionInput = z.input<typeof TokenEndpointDefinition>;
/** A token endpoint with its defaults filled in. */
export type TokenEndpointDefinition = z.output<typeof TokenEndpointDefinition>;

/** Every endpoint, keyed by name: the `tokenEndpoints` stack output and the `--endpoints` file. */
export const TokenEndpoints = z.record(
  z.string().regex(TOKEN_ENDPOINT_NAME, { error: "an endpoint name starts with a letter, then letters, digits, '_' or '-'" }),
  TokenEndpointDefinition,
);
/** Endpoints as written. */
export type TokenEndpointsInput = z.input<typeof TokenEndpoints>;
/** Endpoints with defaults filled in. */
export type TokenEndpoints = z.output<typeof TokenEndpoints>;

/** Invalid endpoint definitions; the message lists each problem with its path. */
export class TokenEndpointsError extends Error {
  override readonly name = "TokenEndpointsError";
}

/**
 * Checks endpoint definitions (the `tokenEndpoints` output, or a file of it)
 * and fills in defaults.
 *
 * @throws TokenEndpointsError naming each bad field, e.g. `tokenEndpoints.web.auth`.
 * @example
 * const endpoints = parseTokenEndpoints(JSON.parse(fs.readFileSync("endpoints.json", "utf8")));
 * endpoints.web.expiresAfterSeconds // 60 when not written
 */
export function parseTokenEndpoints(value: unknown, prefix = "tokenEndpoints"): TokenEndpoints {
  const result = validate(TokenEndpoints, value, prefix);
  if (!result.ok) {
    throw new TokenEndpointsError(`Invalid token endpoints: ${result.issues.map((i) => i.message).join(" ")}`);
  }
  return result.value;
}
