import { createHash, createHmac, randomBytes } from "node:crypto";
import { DEFAULT_BASE_URL } from "../client/base-url";
import type { ApiSettings } from "./credentials";

/**
 * Where a token was minted: the API base URL, a fingerprint of the key (never
 * the key), and the organization and project it was billed to. Recorded on
 * every resource that calls the API; a change replaces the resource, so a
 * token minted by the emulator or another project never passes for a real one.
 */
export interface Identity {
  apiOrigin: string;
  /** Salted HMAC of the key ({@link keyFingerprint}); null when no key was known. */
  keyFingerprint: string | null;
  organization: string | null;
  project: string | null;
}

/** The identity properties, in the order the engine shows them. */
export const IDENTITY_KEYS = ["apiOrigin", "keyFingerprint", "organization", "project"] as const;

/**
 * Fingerprint of an API key: an HMAC of the key under a random salt that is
 * stored beside it (`hmac-sha256:<salt>:<mac>`, 16 hex digits each), so a
 * diff can tell whether the key changed without the key, while two stacks or
 * two resources minted with one key do not share a fingerprint.
 *
 * @example
 * ```ts
 * keyFingerprint("sk-test"); // "hmac-sha256:9c41…:3a1f…" (fresh salt)
 * keyFingerprint("sk-test", "9c41…") === keyFingerprint("sk-test", "9c41…"); // true
 * ```
 */
export function keyFingerprint(apiKey: string, salt: string = randomBytes(8).toString("hex")): string {
  return `hmac-sha256:${salt}:${createHmac("sha256", salt).update(apiKey).digest("hex").slice(0, 16)}`;
}

// Releases before salted fingerprints stored `sha256:` and 16 hex digits of
// the key's plain sha256; such state is compared the same way until replaced.
const UNSALTED = "sha256:";

/**
 * The fingerprint `apiKey` has in the form of `recorded` (its salt, or the
 * unsalted form of earlier releases), so equal keys compare equal; a fresh
 * salt when nothing is recorded.
 */
export function fingerprintFor(apiKey: string, recorded: unknown): string {
  if (typeof recorded === "string") {
    const salted = /^hmac-sha256:([0-9a-f]+):/.exec(recorded);
    if (salted) return keyFingerprint(apiKey, salted[1]);
    if (recorded.startsWith(UNSALTED)) return UNSALTED + createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  }
  return keyFingerprint(apiKey);
}

/** `raw` with anything between `//` and `@` (a user and password) replaced, for messages about a URL that does not parse. */
export function redactUserInfo(raw: string): string {
  return raw.replace(/\/\/[^/]*@/, "//[REDACTED]@");
}

/**
 * Why the configured base URL cannot be used, or undefined when it parses.
 * Check reports it at preview; the message never holds a user or password.
 */
export function baseUrlProblem(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    new URL(baseUrl);
    return undefined;
  } catch {
    return (
      `the API base URL (stack config openai-realtime:baseUrl or OPENAI_BASE_URL) is not a valid URL: ` +
      `${JSON.stringify(redactUserInfo(baseUrl))}; expected e.g. https://api.openai.com/v1`
    );
  }
}

function origin(baseUrl: string | undefined): string {
  const raw = baseUrl ?? DEFAULT_BASE_URL;
  try {
    const url = new URL(raw);
    // Never keep credentials a setting may carry.
    url.username = "";
    url.password = "";
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    // Refused by check before any step; never kept with its user or password.
    return redactUserInfo(raw).replace(/\/+$/, "");
  }
}

/**
 * The identity of requests made with `settings`; computed locally, no
 * network. The key's fingerprint takes the salt of `recorded`'s, if any.
 */
export function identityOf(settings: ApiSettings, recorded?: Record<string, unknown>): Identity {
  return {
    apiOrigin: origin(settings.baseUrl),
    keyFingerprint: settings.apiKey ? fingerprintFor(settings.apiKey, recorded?.keyFingerprint) : null,
    organization: settings.organization ?? null,
    project: settings.project ?? null,
  };
}

/**
 * The identity requests would be made with now, as diff compares it with the
 * recorded one. Without a key (a preview or refresh run without credentials)
 * the recorded fingerprint is kept: the provider cannot know the key, and
 * claiming a change would plan replacing every token.
 */
export function currentIdentity(settings: ApiSettings, recorded: Record<string, unknown> | undefined): Identity {
  const identity = identityOf(settings, recorded);
  if (identity.keyFingerprint === null && typeof recorded?.keyFingerprint === "string") {
    identity.keyFingerprint = recorded.keyFingerprint;
  }
  return identity;
}

/**
 * The identity as outputs record it: only the properties that are set. The
 * engine rewrites every output byte of every resource after each step, so
 * absent stands for null; state written with explicit nulls reads the same.
 */
export function recordedIdentity(identity: Identity): Partial<Identity> {
  const out: Partial<Identity> = { apiOrigin: identity.apiOrigin };
  if (identity.keyFingerprint !== null) out.keyFingerprint = identity.keyFingerprint;
  if (identity.organization !== null) out.organization = identity.organization;
  if (identity.project !== null) out.project = identity.project;
  return out;
}

/** Whether `outputs` record where the resource was minted (state of earlier builds may not). */
export function hasIdentity(outputs: Record<string, unknown>): boolean {
  return "apiOrigin" in outputs;
}

/**
 * Identity properties that differ between a resource's recorded outputs and
 * the identity requests would be made with now. State written before
 * identities were recorded has none: it is adopted rather than replaced,
 * since nothing says where it was minted.
 */
export function changedIdentity(olds: Record<string, unknown>, current: Identity): string[] {
  if (!hasIdentity(olds)) return [];
  return IDENTITY_KEYS.filter((key) => (olds[key] ?? null) !== (current[key] ?? null));
}
