import { DEFAULT_EXPIRES_AFTER_SECONDS } from "../../schemas/resource-args";
import { randomId } from "../canonical";
import type { Minted } from "./spec";

/** Arguments and defaults shared by the two client secret kinds. */
export const SECRET_INPUT_KEYS = ["session", "expiresAfterSeconds", "rotateBeforeSeconds"] as const;
export const SECRET_DEFAULTS = { expiresAfterSeconds: DEFAULT_EXPIRES_AFTER_SECONDS, rotateBeforeSeconds: 0 };

interface MintedSecretResponse {
  value: string;
  expires_at: number;
  session: { id?: unknown };
}

/** The body's `expires_after` for the resource's lifetime argument. */
export const expiresAfter = (args: Record<string, unknown>) => ({
  anchor: "created_at" as const,
  seconds: args.expiresAfterSeconds as number,
});

/**
 * Outputs of a client secret create: the token, its expiry, the session id,
 * and the lifetime arguments diff compares against. Not the effective
 * session: the engine rewrites every output byte of every resource after
 * each step, and the `SessionTemplate` already holds that config once.
 */
export function mintedSecretOutputs(res: MintedSecretResponse, args: Record<string, unknown>): Minted {
  const sessionId = typeof res.session.id === "string" ? res.session.id : randomId("secret");
  return {
    id: sessionId,
    outs: {
      value: res.value,
      expiresAt: res.expires_at,
      sessionId,
      expiresAfterSeconds: args.expiresAfterSeconds,
      rotateBeforeSeconds: args.rotateBeforeSeconds,
    },
  };
}
