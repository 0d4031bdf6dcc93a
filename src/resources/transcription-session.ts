import * as pulumi from "@pulumi/pulumi";
import { TRANSCRIPTION_SESSION_TYPE } from "../tokens";
import { EPHEMERAL_SESSION_OUTPUTS, type EphemeralSessionOutputs, resourceProps, secretOptions, withoutDebugStacks } from "./base";
import { warnRetired } from "./retired";
import type { ClientSecret } from "./client-secret";
import type { RealtimeTranscriptionSessionCreateRequest } from "../schemas";

/** Arguments of {@link TranscriptionSession}. */
export interface TranscriptionSessionArgs {
  /** The body of `POST /realtime/transcription_sessions`, in the API's wire shape. @default {} */
  session?: pulumi.Input<RealtimeTranscriptionSessionCreateRequest>;
  /**
   * At its rotation point, `pulumi up` re-mints the token ("replace") or keeps it and warns ("keep").
   * @default "keep" when the resource or a parent is `protect`ed (the engine refuses to replace it), else "replace"
   */
  onExpiry?: pulumi.Input<"replace" | "keep">;
}

/**
 * A transcription session from the older `POST /realtime/transcription_sessions` endpoint, with its
 * ephemeral `clientSecret` (one minute, as the API states). Once it has
 * expired, the next `pulumi up` replaces it with a fresh one. Deleting it
 * makes no API call.
 *
 * Retired endpoint: OpenAI removed the beta Realtime interface on
 * 2026-05-12, and `POST /realtime/transcription_sessions` is reported to answer 404 since; the
 * local emulator still serves it for migrations. Every preview and update
 * warns once per resource. Use a {@link ClientSecret} with a
 * `type: "transcription"` session instead.
 *
 * @example
 * ```ts
 * const session = new TranscriptionSession("captions", { session: { input_audio_transcription: { model: "gpt-4o-transcribe" } } });
 * export const sessionId = session.sessionId;
 * ```
 */
export interface TranscriptionSession extends EphemeralSessionOutputs<RealtimeTranscriptionSessionCreateRequest> {}
export class TranscriptionSession extends pulumi.CustomResource {
  constructor(name: string, args: TranscriptionSessionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const restore = withoutDebugStacks();
    try {
      super(
        TRANSCRIPTION_SESSION_TYPE,
        name,
        resourceProps("TranscriptionSession", args, EPHEMERAL_SESSION_OUTPUTS, opts),
        secretOptions(opts, ["clientSecret"]),
      );
      warnRetired(this, "TranscriptionSession");
    } finally {
      restore();
    }
  }
}
