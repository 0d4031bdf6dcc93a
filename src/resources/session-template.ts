import * as pulumi from "@pulumi/pulumi";
import { SESSION_TEMPLATE_TYPE } from "../tokens";
import { resourceProps, secretOptions, withoutDebugStacks } from "./base";
import type { ClientSecretSession } from "../schemas/resource-args";

/** Arguments of {@link SessionTemplate}. */
export interface SessionTemplateArgs {
  /**
   * A realtime (`type: "realtime"`) or transcription (`type: "transcription"`)
   * session config, in the API's wire shape (snake_case), as in the OpenAI reference.
   */
  session: pulumi.Input<ClientSecretSession>;
}

/**
 * A reviewed realtime session config. `pulumi up` asks the API which session
 * it would apply to this config (by minting a 10-second client secret) and
 * keeps that effective config, so a config the API refuses fails the update,
 * and apps get exactly what the API applies.
 *
 * Outputs: `session` (the effective config as a valid request body: pass it
 * as the `session` of a {@link ClientSecret} or a call accept), `model`, and
 * `revision` (an opaque value that changes exactly when the input
 * `session` changes: compare two reads of it to tell whether the template's
 * config changed; it is keyed per resource, so it cannot be recomputed from
 * a guessed session). Any change of `session` replaces the template. Deleting it makes no API call.
 *
 * @example
 * ```ts
 * const concierge = new SessionTemplate("concierge", {
 *   session: { type: "realtime", model: "gpt-realtime", instructions: "Greet callers.", audio: { output: { voice: "marin" } } },
 * });
 * export const model = concierge.model;
 * ```
 */
export class SessionTemplate extends pulumi.CustomResource {
  /** The effective session config, normalized back to a request body. */
  declare readonly session: pulumi.Output<ClientSecretSession>;
  /** The model the API applies. */
  declare readonly model: pulumi.Output<string>;
  /** Changes exactly when the input `session` changes; keyed per resource, so it reveals nothing of the session. */
  declare readonly revision: pulumi.Output<string>;

  constructor(name: string, args: SessionTemplateArgs, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutDebugStacks();
    try {
      super(SESSION_TEMPLATE_TYPE, name, resourceProps("SessionTemplate", args, ["model", "revision"], opts), secretOptions(opts));
      // A preview that creates or replaces the template gets its inputs
      // standing in for its outputs: `session` would be the input config, not
      // the effective one, so a token minted from it would preview a diff of
      // every server default and a replace "because session changed" that
      // the update does not confirm. `revision` is no input, so it is unknown
      // exactly then: the session waits for it.
      (this as { session: pulumi.Output<ClientSecretSession> }).session = pulumi
        .all([this.session, this.revision])
        .apply(([session]) => session);
    } finally {
      restore();
    }
  }
}
