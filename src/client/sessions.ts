import type { RealtimeSessionCreateRequest, RealtimeSessionCreateResponse } from "../schemas";
import type { Api } from "./api";
import type { WithRequestId } from "./request-id";
import type { RequestOptions } from "./request-options";

/** `POST /realtime/sessions`: the legacy (beta-shaped) session + ephemeral key endpoint. */
export class Sessions {
  readonly #api: Api;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Creates a session and returns it with its `client_secret`.
   *
   * @example
   * ```ts
   * const session = await client.sessions.create({ model: "gpt-realtime", modalities: ["audio", "text"] });
   * ```
   */
  create(body: RealtimeSessionCreateRequest, options?: RequestOptions): Promise<RealtimeSessionCreateResponse & WithRequestId> {
    return this.#api.postJson("/realtime/sessions", "RealtimeSessionCreateRequest", body, options);
  }
}
