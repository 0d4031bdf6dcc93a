import * as pulumi from "@pulumi/pulumi";
import { TRANSLATION_CLIENT_SECRET_TYPE } from "../tokens";
import { MINTED_SECRET_OUTPUTS, type MintedSecretOutputs, resourceProps, secretOptions, withoutDebugStacks } from "./base";
import type { RealtimeTranslationSessionCreateRequest } from "../schemas";

/** Arguments of {@link TranslationClientSecret}. */
export interface TranslationClientSecretArgs {
  /** The translation session config, in the API's wire shape. */
  session: pulumi.Input<RealtimeTranslationSessionCreateRequest>;
  /** Lifetime of the secret in seconds, 10..7200. @default 600 */
  expiresAfterSeconds?: pulumi.Input<number>;
  /** `pulumi up` re-mints the secret once it is this close to expiry. @default 0 */
  rotateBeforeSeconds?: pulumi.Input<number>;
  /**
   * At its rotation point, `pulumi up` re-mints the token ("replace") or keeps it and warns ("keep").
   * @default "keep" when the resource or a parent is `protect`ed (the engine refuses to replace it), else "replace"
   */
  onExpiry?: pulumi.Input<"replace" | "keep">;
}

/**
 * A short-lived `ek_` client secret for the Realtime translation API
 * (`POST /realtime/translations/client_secrets`). Same lifecycle as
 * {@link ClientSecret}: argument changes and expiry replace it; deleting it
 * makes no API call.
 *
 * @example
 * ```ts
 * const es = new TranslationClientSecret("spanish", {
 *   session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
 * });
 * ```
 */
export interface TranslationClientSecret extends MintedSecretOutputs {}
export class TranslationClientSecret extends pulumi.CustomResource {
  constructor(name: string, args: TranslationClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutDebugStacks();
    try {
      super(
        TRANSLATION_CLIENT_SECRET_TYPE,
        name,
        resourceProps("TranslationClientSecret", args, MINTED_SECRET_OUTPUTS, opts),
        secretOptions(opts, ["value"]),
      );
    } finally {
      restore();
    }
  }
}
