import type { Identity } from "./identity";

/** A unix time as the engine's users read it: ISO 8601, UTC, whole seconds. */
export function isoTime(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds) * 1000).toISOString().replace(".000Z", "Z");
}

const IDENTITY_LABELS: Record<keyof Identity, string> = {
  apiOrigin: "API base URL",
  keyFingerprint: "API key",
  organization: "organization",
  project: "project",
};

/** Why a changed identity replaces: what it was minted with, what is configured now (never a key, only fingerprints). */
export function identityReason(keys: readonly string[], olds: Record<string, unknown>, current: Identity): string {
  const parts = keys.map((key) => {
    const label = IDENTITY_LABELS[key as keyof Identity] ?? key;
    return `${label} ${JSON.stringify(olds[key] ?? null)} -> ${JSON.stringify(current[key as keyof Identity] ?? null)}`;
  });
  return `minted with another identity (${parts.join(", ")})`;
}

/** Why a due token is replaced. */
export function expiryReason(expiresAt: number, rotateBefore: number, now: number): string {
  if (now >= expiresAt) return `expired at ${isoTime(expiresAt)}`;
  return `within rotateBeforeSeconds (${rotateBefore}) of expiry at ${isoTime(expiresAt)}`;
}

/**
 * Shows a message in the engine's diagnostics from inside the provider
 * process. The engine does not pass the resource to a dynamic provider's
 * diff, so messages name the kind and id instead.
 */
export function report(message: string, severity: "info" | "warn" = "info"): void {
  // Loaded lazily: unit tests and the serialized provider's cheap paths never need it.
  const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
  void pulumi.log[severity](message);
}
