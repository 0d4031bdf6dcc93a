import { ClientSecretArgs, DEFAULT_EXPIRES_AFTER_SECONDS } from "../../schemas/resource-args";
import { RealtimeSessionCreateRequestGA, RealtimeTranscriptionSessionCreateRequestGA } from "../../schemas";
import type { ClientSecretSession } from "../../schemas/resource-args";
import { toRequestBody } from "../normalize";
import type { KindSpec } from "./spec";

/** The request schema a minted session's effective config is normalized against. */
export function sessionRequestSchema(session: { type?: unknown }) {
  return session.type === "transcription" ? RealtimeTranscriptionSessionCreateRequestGA : RealtimeSessionCreateRequestGA;
}

export const clientSecret: KindSpec = {
  kind: "ClientSecret",
  args: ClientSecretArgs,
  inputKeys: ["session", "expiresAfterSeconds", "rotateBeforeSeconds"],
  defaults: { expiresAfterSeconds: DEFAULT_EXPIRES_AFTER_SECONDS, rotateBeforeSeconds: 0 },
  secretOutputs: ["value"],
  expires: true,
  async create(client, args, revision) {
    const session = args.session as ClientSecretSession;
    const res = await client.clientSecrets.create({
      expires_after: { anchor: "created_at", seconds: args.expiresAfterSeconds as number },
      session,
    });
    const sessionId = typeof res.session.id === "string" ? res.session.id : `secret_${revision.slice(0, 24)}`;
    return {
      id: sessionId,
      outs: {
        value: res.value,
        expiresAt: res.expires_at,
        sessionId,
        session: toRequestBody(res.session, sessionRequestSchema(res.session)),
        revision,
        expiresAfterSeconds: args.expiresAfterSeconds,
        rotateBeforeSeconds: args.rotateBeforeSeconds,
      },
    };
  },
};
