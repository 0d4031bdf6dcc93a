import { z } from "zod";
import { integer } from "./kit";
import { RealtimeSessionCreateRequestGA, RealtimeSessionCreateResponseGA } from "./session";
import { RealtimeTranscriptionSessionCreateRequestGA, RealtimeTranscriptionSessionCreateResponseGA } from "./transcription";

/**
 * When a client secret stops being usable for new sessions: `seconds` (10..7200, API default 600)
 * after its creation (`anchor` `created_at`, the only anchor). Sessions already started go on.
 *
 * @example
 * ClientSecretExpiresAfter.parse({ anchor: "created_at", seconds: 600 });
 */
export const ClientSecretExpiresAfter = z.strictObject({
  anchor: z.literal("created_at").optional(),
  seconds: integer(10, 7200).optional(),
});
/** Client secret expiry. */
export type ClientSecretExpiresAfter = z.infer<typeof ClientSecretExpiresAfter>;

/**
 * Body of `POST /realtime/client_secrets`: an optional expiry and an optional realtime or
 * transcription session, told apart by `session.type`.
 *
 * @example
 * RealtimeCreateClientSecretRequest.parse({
 *   expires_after: { anchor: "created_at", seconds: 600 },
 *   session: { type: "realtime", model: "gpt-realtime" },
 * });
 */
export const RealtimeCreateClientSecretRequest = z.strictObject({
  expires_after: ClientSecretExpiresAfter.optional(),
  session: z
    .discriminatedUnion("type", [RealtimeSessionCreateRequestGA, RealtimeTranscriptionSessionCreateRequestGA])
    .optional(),
});
/** Body of a client secret create. */
export type RealtimeCreateClientSecretRequest = z.infer<typeof RealtimeCreateClientSecretRequest>;

/**
 * Response of `POST /realtime/client_secrets`: the `ek_` secret, its expiry (unix seconds) and the
 * effective session. Lenient: unknown keys are kept.
 */
export const RealtimeCreateClientSecretResponse = z.looseObject({
  value: z.string(),
  expires_at: integer(),
  session: z.discriminatedUnion("type", [RealtimeSessionCreateResponseGA, RealtimeTranscriptionSessionCreateResponseGA]),
});
/** Response of a client secret create. */
export type RealtimeCreateClientSecretResponse = z.infer<typeof RealtimeCreateClientSecretResponse>;
