import type { z } from "zod";
import { randomId } from "../canonical";
import { toRequestBody } from "../normalize";
import type { Minted } from "./spec";

interface LegacySessionResponse {
  id?: string | null | undefined;
  client_secret?: { value: string; expires_at: number } | null | undefined;
}

/**
 * Outputs of the two legacy endpoints, which answer with the session object
 * and an ephemeral `client_secret` beside it.
 */
export function legacySessionOutputs(res: LegacySessionResponse, request: z.ZodType): Minted {
  if (!res.client_secret) throw new Error("the API answered without a client_secret");
  const sessionId = res.id ?? randomId("sess");
  return {
    id: sessionId,
    outs: {
      sessionId,
      clientSecret: res.client_secret.value,
      expiresAt: res.client_secret.expires_at,
      session: toRequestBody(res, request),
    },
  };
}
