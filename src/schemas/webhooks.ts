import { z } from "zod";
import { integer, looseKit } from "./kit";

/** A header of the SIP INVITE. */
export const SipHeader = z.looseObject({ name: z.string(), value: z.string() });
/** A SIP header. */
export type SipHeader = z.infer<typeof SipHeader>;

/**
 * The `realtime.call.incoming` webhook event: a SIP call waits to be accepted, referred or
 * rejected. Lenient: unknown keys are kept.
 *
 * @example
 * const event = WebhookRealtimeCallIncoming.parse(JSON.parse(body));
 * event.data.call_id; // "rtc_..."
 */
export const WebhookRealtimeCallIncoming = z.looseObject({
  id: z.string(),
  type: z.literal("realtime.call.incoming"),
  created_at: integer(),
  object: looseKit.optional(z.literal("event")),
  data: z.looseObject({
    call_id: z.string(),
    sip_headers: z.array(SipHeader),
  }),
});
/** The `realtime.call.incoming` webhook event. */
export type WebhookRealtimeCallIncoming = z.infer<typeof WebhookRealtimeCallIncoming>;

/**
 * Envelope of any OpenAI webhook event, including types this package does not know.
 *
 * @example
 * const event = WebhookEvent.parse(JSON.parse(body));
 * if (event.type === "realtime.call.incoming") WebhookRealtimeCallIncoming.parse(event);
 */
export const WebhookEvent = z.looseObject({
  id: z.string(),
  type: z.string(),
  created_at: integer(),
  object: looseKit.optional(z.string()),
  data: z.looseObject({}),
});
/** Envelope of any webhook event. */
export type WebhookEvent = z.infer<typeof WebhookEvent>;
