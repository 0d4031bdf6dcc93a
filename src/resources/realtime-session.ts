import * as pulumi from "@pulumi/pulumi";
import type { RealtimeSessionCreateRequest } from "../schemas";
import { providerFor } from "../provider";
import { RESOURCE_MODULE } from "../tokens";

const provider = providerFor("RealtimeSession");

/** Arguments of {@link RealtimeSession}. */
export interface RealtimeSessionArgs {
  /** The body of `POST /realtime/sessions`, in the API's wire shape. @default {} */
  session?: pulumi.Input<RealtimeSessionCreateRequest>;
}

/**
 * A session from the older `POST /realtime/sessions` endpoint, with its
 * ephemeral `clientSecret` (one minute, as the API states). Once it has
 * expired, the next `pulumi up` replaces it with a fresh one. Deleting it
 * makes no API call.
 *
 * @example
 * ```ts
 * const session = new RealtimeSession("legacy", { session: { model: "gpt-realtime", modalities: ["audio", "text"] } });
 * export const sessionId = session.sessionId;
 * ```
 */
export class RealtimeSession extends pulumi.dynamic.Resource {
  declare readonly sessionId: pulumi.Output<string>;
  /** The ephemeral key. Secret output. */
  declare readonly clientSecret: pulumi.Output<string>;
  /** Expiry of `clientSecret`, unix seconds. */
  declare readonly expiresAt: pulumi.Output<number>;
  /** The session the API reported, as a request body. */
  declare readonly session: pulumi.Output<RealtimeSessionCreateRequest>;

  constructor(name: string, args: RealtimeSessionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      { sessionId: undefined, clientSecret: undefined, expiresAt: undefined, ...args },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["clientSecret"] }),
      RESOURCE_MODULE,
      "RealtimeSession",
    );
  }
}
