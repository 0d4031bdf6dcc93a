import { RealtimeTranslationSessionCreateRequest } from "../../schemas";
import { DEFAULT_EXPIRES_AFTER_SECONDS, TranslationClientSecretArgs } from "../../schemas/resource-args";
import { toRequestBody } from "../normalize";
import type { KindSpec } from "./spec";

export const translationClientSecret: KindSpec = {
  kind: "TranslationClientSecret",
  args: TranslationClientSecretArgs,
  inputKeys: ["session", "expiresAfterSeconds", "rotateBeforeSeconds"],
  defaults: { expiresAfterSeconds: DEFAULT_EXPIRES_AFTER_SECONDS, rotateBeforeSeconds: 0 },
  secretOutputs: ["value"],
  expires: true,
  async create(client, args, revision) {
    const res = await client.translations.clientSecrets.create({
      expires_after: { anchor: "created_at", seconds: args.expiresAfterSeconds as number },
      session: args.session as RealtimeTranslationSessionCreateRequest,
    });
    const sessionId = typeof res.session.id === "string" ? res.session.id : `secret_${revision.slice(0, 24)}`;
    return {
      id: sessionId,
      outs: {
        value: res.value,
        expiresAt: res.expires_at,
        sessionId,
        session: toRequestBody(res.session, RealtimeTranslationSessionCreateRequest),
        revision,
        expiresAfterSeconds: args.expiresAfterSeconds,
        rotateBeforeSeconds: args.rotateBeforeSeconds,
      },
    };
  },
};
