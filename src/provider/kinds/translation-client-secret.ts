import { RealtimeTranslationSessionCreateRequest } from "../../schemas";
import { TranslationClientSecretArgs } from "../../schemas/resource-args";
import { expiresAfter, mintedSecretOutputs, SECRET_DEFAULTS, SECRET_INPUT_KEYS } from "./minted-secret";
import type { KindSpec } from "./spec";

export const translationClientSecret: KindSpec = {
  kind: "TranslationClientSecret",
  args: TranslationClientSecretArgs,
  inputKeys: SECRET_INPUT_KEYS,
  defaults: SECRET_DEFAULTS,
  async create(client, args) {
    const res = await client.translations.clientSecrets.create({
      expires_after: expiresAfter(args),
      session: args.session as RealtimeTranslationSessionCreateRequest,
    });
    return mintedSecretOutputs(res, args);
  },
};
