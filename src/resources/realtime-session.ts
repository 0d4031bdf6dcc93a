import * as pulumi from "@pulumi/pulumi";
import { REALTIME_SESSION_TYPE } from "../tokens";
import { EPHEMERAL_SESSION_OUTPUTS, type EphemeralSessionOutputs, resourceProps, secretOptions } from "./base";
import type { RealtimeSessionCreateRequest } from "../schemas";

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
export interface RealtimeSession extends EphemeralSessionOutputs<RealtimeSessionCreateRequest> {}
export class RealtimeSession extends pulumi.CustomResource {
  constructor(name: string, args: RealtimeSessionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      REALTIME_SESSION_TYPE,
      name,
      resourceProps("RealtimeSession", args, EPHEMERAL_SESSION_OUTPUTS),
      secretOptions(opts, ["clientSecret"]),
    );
  }
}
