import * as pulumi from "@pulumi/pulumi";
import { REALTIME_SESSION_TYPE } from "../tokens";
import { EPHEMERAL_SESSION_OUTPUTS, type EphemeralSessionOutputs, resourceProps, secretOptions, withoutDebugStacks } from "./base";
import { warnRetired } from "./retired";
import type { ClientSecret } from "./client-secret";
import type { RealtimeSessionCreateRequest } from "../schemas";

/** Arguments of {@link RealtimeSession}. */
export interface RealtimeSessionArgs {
  /** The body of `POST /realtime/sessions`, in the API's wire shape. @default {} */
  session?: pulumi.Input<RealtimeSessionCreateRequest>;
  /**
   * At its rotation point, `pulumi up` re-mints the token ("replace") or keeps it and warns ("keep").
   * @default "keep" when the resource or a parent is `protect`ed (the engine refuses to replace it), else "replace"
   */
  onExpiry?: pulumi.Input<"replace" | "keep">;
}

/**
 * A session from the older `POST /realtime/sessions` endpoint, with its
 * ephemeral `clientSecret` (one minute, as the API states). Once it has
 * expired, the next `pulumi up` replaces it with a fresh one. Deleting it
 * makes no API call.
 *
 * Retired endpoint: OpenAI removed the beta Realtime interface on
 * 2026-05-12, and `POST /realtime/sessions` is reported to answer 404 since; the
 * local emulator still serves it for migrations. Every preview and update
 * warns once per resource. Use a {@link ClientSecret} with a
 * `type: "realtime"` session instead.
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
    const restore = withoutDebugStacks();
    try {
      super(
        REALTIME_SESSION_TYPE,
        name,
        resourceProps("RealtimeSession", args, EPHEMERAL_SESSION_OUTPUTS, opts),
        secretOptions(opts, ["clientSecret"]),
      );
      warnRetired(this, "RealtimeSession");
    } finally {
      restore();
    }
  }
}
