import type { RealtimeCreateClientSecretRequest, RealtimeCreateClientSecretResponse } from "../schemas";
import type { Api } from "./api";
import type { WithRequestId } from "./request-id";
import type { RequestOptions } from "./request-options";

/** `POST /realtime/client_secrets`: short-lived `ek_` tokens for browsers and apps. */
export class ClientSecrets {
  readonly #api: Api;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Mints a client secret for a realtime or transcription session config.
   *
   * A mint is not idempotent: when an attempt times out or its connection
   * drops after the API minted, the retry mints a second token and the first
   * is never seen. The API has no revoke; such an orphan expires on its own
   * after `expires_after` (600 s by default).
   *
   * @throws RequestValidationError before sending, naming the bad field.
   * @example
   * ```ts
   * const { value, expires_at } = await client.clientSecrets.create({
   *   expires_after: { anchor: "created_at", seconds: 600 },
   *   session: { type: "realtime", model: "gpt-realtime" },
   * });
   * ```
   */
  create(
    body: RealtimeCreateClientSecretRequest,
    options?: RequestOptions,
  ): Promise<RealtimeCreateClientSecretResponse & WithRequestId> {
    return this.#api.postJson("/realtime/client_secrets", "RealtimeCreateClientSecretRequest", body, options);
  }
}
