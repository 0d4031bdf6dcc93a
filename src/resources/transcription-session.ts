import * as pulumi from "@pulumi/pulumi";
import { TRANSCRIPTION_SESSION_TYPE } from "../tokens";
import { EPHEMERAL_SESSION_OUTPUTS, type EphemeralSessionOutputs, resourceProps, secretOptions } from "./base";
import type { RealtimeTranscriptionSessionCreateRequest } from "../schemas";

/** Arguments of {@link TranscriptionSession}. */
export interface TranscriptionSessionArgs {
  /** The body of `POST /realtime/transcription_sessions`, in the API's wire shape. @default {} */
  session?: pulumi.Input<RealtimeTranscriptionSessionCreateRequest>;
}

/**
 * A transcription session from the older `POST /realtime/transcription_sessions` endpoint, with its
 * ephemeral `clientSecret` (one minute, as the API states). Once it has
 * expired, the next `pulumi up` replaces it with a fresh one. Deleting it
 * makes no API call.
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
    super(
      TRANSCRIPTION_SESSION_TYPE,
      name,
      resourceProps("TranscriptionSession", args, EPHEMERAL_SESSION_OUTPUTS),
      secretOptions(opts, ["clientSecret"]),
    );
  }
}
