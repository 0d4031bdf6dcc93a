import { timingSafeEqual } from "node:crypto";
import { invalidApiKey, missingApiKey } from "./errors";
import type { EmulatorState, MintedSecret } from "./state";

/** Who made a request: a server-side key, or an `ek_` secret minted here. */
export type Credential = { kind: "api-key" } | { kind: "client-secret"; secret: MintedSecret };

/** Which credentials a route takes. Only call creation accepts `ek_` secrets, as in the API. */
export type AuthMode = "api-key" | "api-key-or-client-secret";

function sameKey(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks the `Authorization: Bearer ...` header. With a configured key only
 * that key passes; otherwise any `sk-...` does. Throws the API's 401 bodies,
 * which never echo the token.
 */
export function authenticate(header: string | undefined, mode: AuthMode, state: EmulatorState): Credential {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  const token = match?.[1];
  if (token === undefined) throw missingApiKey();
  if (token.startsWith("ek_")) {
    if (mode !== "api-key-or-client-secret") {
      throw invalidApiKey("Client secrets (ek_...) can only create calls; use an API key for this endpoint.");
    }
    const secret = state.secrets.get(token);
    if (secret === undefined) throw invalidApiKey("Incorrect client secret provided.");
    if (state.nowSeconds() >= secret.expiresAt) throw invalidApiKey("The client secret provided has expired.");
    return { kind: "client-secret", secret };
  }
  const configured = state.options.apiKey;
  const accepted = configured === null ? token.startsWith("sk-") : sameKey(token, configured);
  if (!accepted) throw invalidApiKey();
  return { kind: "api-key" };
}
