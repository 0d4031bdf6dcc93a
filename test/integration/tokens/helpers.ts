// Shared by the token service suites: endpoint definitions, JWTs signed with
// a throwaway key, and requests to a running service.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const API_KEY = "sk-token-service-test-4b7e21";
export const ORIGIN = "https://app.example.com";
export const ISSUER = "https://auth.example.com";
export const AUDIENCE = "tokens";
export const MINTS = "POST /v1/realtime/client_secrets";

export const session = (instructions: string) => ({
  type: "realtime",
  model: "gpt-realtime",
  instructions,
  audio: { output: { voice: "marin" } },
});

/** Endpoints of every auth kind; `web` is rate-limited (burst 3). */
export function endpoints(instructions = "You are the concierge.") {
  return {
    web: { template: "concierge", revision: "rev-1", session: session(instructions), allowedOrigins: [ORIGIN], rateLimit: { perMinute: 3, burst: 3 }, auth: "bearer" },
    signed: { template: "concierge", revision: "rev-1", session: session(instructions), auth: "jwt" },
    open: { template: "concierge", revision: "rev-1", session: session(instructions), auth: "none", expiresAfterSeconds: 30 },
  };
}

/** A throwaway signing key pair (never a real one). */
export function keyPair(): { privateKey: KeyObject; publicKey: KeyObject; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey, pem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

/** A signed JWT: ES256, issuer and audience as the service expects unless `claims` says otherwise. */
export async function jwt(privateKey: KeyObject, claims: Record<string, unknown> = {}, kid?: string): Promise<string> {
  const { SignJWT } = await import("jose");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: "user-42", iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: "ES256", ...(kid !== undefined ? { kid } : {}) })
    .sign(privateKey);
}

/** Serves `{keys: [...]}` at /jwks.json, as an identity provider does. */
export async function jwksServer(publicKey: KeyObject, kid: string): Promise<{ url: string; close(): Promise<void> }> {
  const { exportJWK } = await import("jose");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `POST {url}/tokens/{name}` with optional bearer credential and origin. */
export function mint(url: string, name: string, init: { bearer?: string; origin?: string; body?: string; method?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.bearer !== undefined) headers["authorization"] = `Bearer ${init.bearer}`;
  if (init.origin !== undefined) headers["origin"] = init.origin;
  return fetch(`${url}/tokens/${name}`, { method: init.method ?? "POST", headers, body: init.body ?? null });
}
