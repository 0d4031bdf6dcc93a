import type {
  RealtimeTranslationClientSecretCreateRequest,
  RealtimeTranslationClientSecretCreateResponse,
} from "../schemas";
import type { Api } from "./api";
import type { WithRequestId } from "./request-id";
import type { RequestOptions } from "./request-options";

/** `POST /realtime/translations/client_secrets`: client secrets for translation sessions. */
export class TranslationClientSecrets {
  readonly #api: Api;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Mints a client secret for a translation session.
   *
   * @example
   * ```ts
   * const { value } = await client.translations.clientSecrets.create({
   *   session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
   * });
   * ```
   */
  create(
    body: RealtimeTranslationClientSecretCreateRequest,
    options?: RequestOptions,
  ): Promise<RealtimeTranslationClientSecretCreateResponse & WithRequestId> {
    return this.#api.postJson(
      "/realtime/translations/client_secrets",
      "RealtimeTranslationClientSecretCreateRequest",
      body,
      options,
    );
  }
}

/** `/realtime/translations/...` endpoints, as `client.translations`. */
export class Translations {
  /** `POST /realtime/translations/client_secrets`. */
  readonly clientSecrets: TranslationClientSecrets;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.clientSecrets = new TranslationClientSecrets(api);
  }
}
