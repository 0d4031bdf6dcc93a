import * as pulumi from "@pulumi/pulumi";
import { CLIENT_SECRET_TYPE } from "../tokens";
import { MINTED_SECRET_OUTPUTS, type MintedSecretOutputs, resourceProps, secretOptions, withoutDebugStacks } from "./base";
import type { ClientSecretSession } from "../schemas/resource-args";

/** Arguments of {@link ClientSecret}. */
export interface ClientSecretArgs {
  /** Realtime (`type: "realtime"`) or transcription (`type: "transcription"`) session config, in the API's wire shape. */
  session: pulumi.Input<ClientSecretSession>;
  /** Lifetime of the secret in seconds, 10..7200. @default 600 */
  expiresAfterSeconds?: pulumi.Input<number>;
  /** `pulumi up` re-mints the secret once it is this close to expiry. Must be below `expiresAfterSeconds`. @default 0 */
  rotateBeforeSeconds?: pulumi.Input<number>;
  /**
   * At its rotation point, `pulumi up` re-mints the token ("replace") or keeps it and warns ("keep").
   * @default "keep" when the resource or a parent is `protect`ed (the engine refuses to replace it), else "replace"
   */
  onExpiry?: pulumi.Input<"replace" | "keep">;
}

/**
 * A short-lived `ek_` client secret (`POST /realtime/client_secrets`) that a
 * browser or phone app uses instead of your API key.
 *
 * Any argument change replaces it; so does reaching
 * `expiresAt - rotateBeforeSeconds`, so the next `pulumi up` mints a fresh
 * one and dependents receive the new value. `value` is a secret output.
 * The API has no revoke: deleting the resource only forgets the secret, which
 * stays valid until it expires.
 *
 * @example
 * ```ts
 * const web = new ClientSecret("web", { session: concierge.session, expiresAfterSeconds: 600, rotateBeforeSeconds: 120 });
 * export const token = web.value; // secret
 * ```
 */
export interface ClientSecret extends MintedSecretOutputs {}
export class ClientSecret extends pulumi.CustomResource {
  constructor(name: string, args: ClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutDebugStacks();
    try {
      super(CLIENT_SECRET_TYPE, name, resourceProps("ClientSecret", args, MINTED_SECRET_OUTPUTS, opts), secretOptions(opts, ["value"]));
    } finally {
      restore();
    }
  }
}
