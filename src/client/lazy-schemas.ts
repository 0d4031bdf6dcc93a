import type * as Schemas from "../schemas";

/** The request schemas endpoint modules validate against, by export name. */
export type RequestSchemaName =
  | "RealtimeCreateClientSecretRequest"
  | "RealtimeSessionCreateRequest"
  | "RealtimeTranscriptionSessionCreateRequest"
  | "RealtimeTranslationClientSecretCreateRequest"
  | "RealtimeCallCreateRequest"
  | "RealtimeCallAcceptRequest"
  | "RealtimeCallReferRequest"
  | "RealtimeCallRejectRequest";

let loading: Promise<typeof Schemas> | undefined;

/**
 * The schemas module, loaded on the first request that validates a body.
 * Loading zod and every schema costs more than the rest of the client put
 * together, so `import "pulumi-openai-realtime/client"` does not pay it, and
 * a client with `validateRequests: false` never does.
 *
 * @example
 * ```ts
 * const { validate, RealtimeCallReferRequest } = await loadSchemas();
 * ```
 */
export function loadSchemas(): Promise<typeof Schemas> {
  return (loading ??= import("../schemas"));
}
