import type {
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranscriptionSessionCreateResponse,
} from "../schemas";
import type { Api } from "./api";
import type { WithRequestId } from "./request-id";
import type { RequestOptions } from "./request-options";

/** `POST /realtime/transcription_sessions`: transcription-only sessions with an ephemeral key. */
export class TranscriptionSessions {
  readonly #api: Api;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Creates a transcription session.
   *
   * @example
   * ```ts
   * const session = await client.transcriptionSessions.create({ input_audio_format: "pcm16" });
   * ```
   */
  create(
    body: RealtimeTranscriptionSessionCreateRequest,
    options?: RequestOptions,
  ): Promise<RealtimeTranscriptionSessionCreateResponse & WithRequestId> {
    return this.#api.postJson(
      "/realtime/transcription_sessions",
      "RealtimeTranscriptionSessionCreateRequest",
      body,
      options,
    );
  }
}
