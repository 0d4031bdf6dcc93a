import * as pulumi from "@pulumi/pulumi";
import type { RealtimeTranslationSessionCreateRequest } from "../schemas";
import { providerFor } from "../provider";
import { RESOURCE_MODULE } from "../tokens";

const provider = providerFor("TranslationClientSecret");

/** Arguments of {@link TranslationClientSecret}. */
export interface TranslationClientSecretArgs {
  /** The translation session config, in the API's wire shape. */
  session: pulumi.Input<RealtimeTranslationSessionCreateRequest>;
  /** Lifetime of the secret in seconds, 10..7200. @default 600 */
  expiresAfterSeconds?: pulumi.Input<number>;
  /** `pulumi up` re-mints the secret once it is this close to expiry. @default 0 */
  rotateBeforeSeconds?: pulumi.Input<number>;
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
export class TranslationClientSecret extends pulumi.dynamic.Resource {
  /** The `ek_...` secret. Secret output. */
  declare readonly value: pulumi.Output<string>;
  declare readonly expiresAt: pulumi.Output<number>;
  declare readonly sessionId: pulumi.Output<string>;
  declare readonly session: pulumi.Output<RealtimeTranslationSessionCreateRequest>;
  declare readonly revision: pulumi.Output<string>;

  constructor(name: string, args: TranslationClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      { value: undefined, expiresAt: undefined, sessionId: undefined, revision: undefined, ...args },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["value"] }),
      RESOURCE_MODULE,
      "TranslationClientSecret",
    );
  }
}
