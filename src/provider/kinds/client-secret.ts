import { RealtimeSessionCreateRequestGA, RealtimeTranscriptionSessionCreateRequestGA } from "../../schemas";
import { ClientSecretArgs, type ClientSecretSession } from "../../schemas/resource-args";
import { expiresAfter, mintedSecretOutputs, SECRET_DEFAULTS, SECRET_INPUT_KEYS } from "./minted-secret";
import type { KindSpec } from "./spec";

/** The request schema a minted session's effective config is normalized against. */
export function sessionRequestSchema(session: { type?: unknown }) {
  return session.type === "transcription" ? RealtimeTranscriptionSessionCreateRequestGA : RealtimeSessionCreateRequestGA;
}

export const clientSecret: KindSpec = {
  kind: "ClientSecret",
  args: ClientSecretArgs,
  inputKeys: SECRET_INPUT_KEYS,
  defaults: SECRET_DEFAULTS,
  async create(client, args) {
    const res = await client.clientSecrets.create({
      expires_after: expiresAfter(args),
      session: args.session as ClientSecretSession,
    });
    return mintedSecretOutputs(res, args);
  },
};
