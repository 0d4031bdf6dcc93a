import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { parseSecretList } from "../calls/secrets";
import { TokenRequestError, type Authorization, type Authorize } from "../token-endpoint/handler";

const CHALLENGE = { "www-authenticate": 'Bearer realm="tokens"' };

function unauthorized(code: string, message: string): TokenRequestError {
  return new TokenRequestError(401, code, message, CHALLENGE);
}

/** The credential of `Authorization: Bearer <credential>`, if any. */
function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}

const digest = (value: string): string => createHash("sha256").update(value).digest("hex");

/**
 * Bearer tokens from a file, one per line (`#` comments), re-read when the
 * file changes (checked at most once a second). Tokens are held as sha256
 * digests; a caller's subject is `bearer:` and the first 12 hex digits of
 * its token's digest, so logs tell callers apart without holding a token.
 */
export class BearerTokens {
  readonly #file: string;
  #digests = new Set<string>();
  #stamp = "";
  #checkedAt = 0;

  /** @throws Error when the file cannot be read. */
  constructor(file: string) {
    this.#file = file;
    this.#reload(true);
  }

  /** Number of tokens accepted now. */
  get size(): number {
    this.#reload(false);
    return this.#digests.size;
  }

  /** The subject of a request carrying a listed token; throws a 401 otherwise. */
  check(request: Request): Authorization {
    const token = bearer(request);
    if (token === undefined) throw unauthorized("missing_credentials", "An Authorization: Bearer header is required");
    this.#reload(false);
    const hash = digest(token);
    if (!this.#digests.has(hash)) throw unauthorized("invalid_token", "The bearer token is not accepted");
    return { subject: `bearer:${hash.slice(0, 12)}` };
  }

  #reload(initial: boolean): void {
    const now = Date.now();
    if (!initial && now - this.#checkedAt < 1000) return;
    this.#checkedAt = now;
    try {
      const stat = statSync(this.#file);
      const stamp = `${stat.mtimeMs}:${stat.size}`;
      if (stamp === this.#stamp) return;
      this.#digests = new Set(parseSecretList(readFileSync(this.#file, "utf8")).map(digest));
      this.#stamp = stamp;
    } catch (error) {
      // At start a missing file is a configuration mistake; later, keep the last good list.
      if (initial) throw new Error(`Cannot read --auth-tokens-file ${this.#file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
}

/** Where JWTs are verified: a JWKS URL or a PEM public key, with optional issuer and audience. */
export interface JwtOptions {
  jwksUrl?: string | undefined;
  publicKeyFile?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

/** Signature algorithms accepted (asymmetric only: the service holds no shared secret). */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

/** The JWKS could not be had (network, status, timeout, not a key set): nothing to do with the token. */
class KeysUnavailable extends Error {}

/** Errors of a key lookup that speak of the token (its `kid` or `alg` has no key), not of the key server. */
const TOKEN_KEY_ERRORS = new Set(["ERR_JWKS_NO_MATCHING_KEY", "ERR_JWKS_MULTIPLE_MATCHING_KEYS", "ERR_JOSE_NOT_SUPPORTED"]);

/** A JWKS key lookup whose fetch failures throw {@link KeysUnavailable}. */
function keysOrUnavailable<A extends unknown[], R>(lookup: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await lookup(...args);
    } catch (error) {
      if (TOKEN_KEY_ERRORS.has((error as { code?: string }).code ?? "")) throw error;
      throw new KeysUnavailable("JWKS unavailable", { cause: error });
    }
  };
}

/**
 * Verifies `Authorization: Bearer <JWT>` with the `jose` library against a
 * JWKS URL (keys fetched and cached by `kid`) or a PEM public key; the
 * token's `sub` is the caller's subject. Expired, not-yet-valid, wrongly
 * signed tokens and a wrong issuer or audience answer 401; the message names
 * the check that failed, never the token. Keys that cannot be fetched (the
 * JWKS URL down, a non-200, a timeout, not a key set) answer 503 with
 * `Retry-After`: the server cannot verify now, the caller may retry.
 */
export class JwtVerifier {
  readonly #options: JwtOptions;
  readonly #key: Promise<KeyObject | ((...args: never[]) => unknown)>;

  /** @throws Error when the PEM file cannot be read or holds no public key. */
  constructor(options: JwtOptions) {
    this.#options = options;
    if (options.publicKeyFile !== undefined) {
      let key: KeyObject;
      try {
        key = createPublicKey(readFileSync(options.publicKeyFile, "utf8"));
      } catch (error) {
        throw new Error(`--jwt-public-key ${options.publicKeyFile}: not a readable PEM public key (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      this.#key = Promise.resolve(key);
    } else if (options.jwksUrl !== undefined) {
      const url = new URL(options.jwksUrl);
      this.#key = import("jose").then((jose) => keysOrUnavailable(jose.createRemoteJWKSet(url, { timeoutDuration: 5_000, cooldownDuration: 30_000 })));
    } else {
      throw new Error("JWT verification needs --jwks-url or --jwt-public-key");
    }
  }

  /** The subject of a request with a valid JWT; throws a 401 otherwise. */
  async check(request: Request): Promise<Authorization> {
    const token = bearer(request);
    if (token === undefined) throw unauthorized("missing_credentials", "An Authorization: Bearer <JWT> header is required");
    const jose = await import("jose");
    const key = await this.#key;
    try {
      const { issuer, audience } = this.#options;
      const { payload } = await jose.jwtVerify(token, key as Parameters<typeof jose.jwtVerify>[1], {
        algorithms: ALGORITHMS,
        ...(issuer !== undefined ? { issuer } : {}),
        ...(audience !== undefined ? { audience } : {}),
      });
      return { subject: typeof payload.sub === "string" ? payload.sub : undefined };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw unauthorized("token_expired", "The JWT has expired");
      if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") {
        const claim = (error as { claim?: string }).claim ?? "a claim";
        throw unauthorized("invalid_claims", `The JWT's ${claim} claim is not accepted`);
      }
      if (error instanceof KeysUnavailable) {
        // The service cannot verify any JWT now: a server-side failure the caller may retry, not bad credentials.
        throw new TokenRequestError(503, "jwks_unavailable", "The JWT keys could not be fetched; retry shortly", { "retry-after": "5" });
      }
      throw unauthorized("invalid_token", "The JWT is not valid (signature, format or key)");
    }
  }
}

/** What the service can check, from its flags. */
export interface AuthSettings {
  bearer?: BearerTokens | undefined;
  jwt?: JwtVerifier | undefined;
}

/**
 * The service's `authorize`: an endpoint's `auth` picks the check. An
 * endpoint whose kind of auth the service was not given answers 401.
 */
export function serviceAuthorize(settings: AuthSettings): Authorize {
  return (request, endpoint) => {
    if (endpoint.auth === "bearer") {
      if (settings.bearer === undefined) throw unauthorized("auth_not_configured", `Endpoint '${endpoint.name}' needs bearer tokens, and this service has no --auth-tokens-file`);
      return settings.bearer.check(request);
    }
    if (settings.jwt === undefined) throw unauthorized("auth_not_configured", `Endpoint '${endpoint.name}' needs a JWT, and this service has no --jwks-url or --jwt-public-key`);
    return settings.jwt.check(request);
  };
}
