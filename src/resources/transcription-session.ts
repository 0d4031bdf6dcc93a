import * as pulumi from "@pulumi/pulumi";
import type { RealtimeTranscriptionSessionCreateRequest } from "../schemas";
import { providerFor } from "../provider";
import { RESOURCE_MODULE } from "../tokens";

const provider = providerFor("TranscriptionSession");

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
export class TranscriptionSession extends pulumi.dynamic.Resource {
  declare readonly sessionId: pulumi.Output<string>;
  /** The ephemeral key. Secret output. */
  declare readonly clientSecret: pulumi.Output<string>;
  /** Expiry of `clientSecret`, unix seconds. */
  declare readonly expiresAt: pulumi.Output<number>;
  /** The session the API reported, as a request body. */
  declare readonly session: pulumi.Output<RealtimeTranscriptionSessionCreateRequest>;

  constructor(name: string, args: TranscriptionSessionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      { sessionId: undefined, clientSecret: undefined, expiresAt: undefined, ...args },
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["clientSecret"] }),
      RESOURCE_MODULE,
      "TranscriptionSession",
    );
  }
}
