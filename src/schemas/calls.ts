import { z } from "zod";
import { integer } from "./kit";
import { RealtimeSessionCreateRequestGA } from "./session";

/**
 * Multipart body of `POST /realtime/calls`: the WebRTC SDP offer and an optional GA session
 * configuration. (With an `ek_` token the body is the bare `application/sdp` offer instead.)
 *
 * @example
 * RealtimeCallCreateRequest.parse({ sdp: "v=0\r\n...", session: { type: "realtime", model: "gpt-realtime" } });
 */
export const RealtimeCallCreateRequest = z.strictObject({
  sdp: z.string(),
  session: RealtimeSessionCreateRequestGA.optional(),
});
/** Body of a call create. */
export type RealtimeCallCreateRequest = z.infer<typeof RealtimeCallCreateRequest>;

/**
 * Body of `POST /realtime/calls/{call_id}/refer`: the SIP Refer-To URI.
 *
 * @example
 * RealtimeCallReferRequest.parse({ target_uri: "tel:+14155550123" });
 */
export const RealtimeCallReferRequest = z.strictObject({ target_uri: z.string() });
/** Body of a call refer. */
export type RealtimeCallReferRequest = z.infer<typeof RealtimeCallReferRequest>;

/**
 * Body of `POST /realtime/calls/{call_id}/reject`: the SIP status code for the caller; the API
 * sends `603 Decline` when it is omitted.
 *
 * @example
 * RealtimeCallRejectRequest.parse({ status_code: 486 });
 */
export const RealtimeCallRejectRequest = z.strictObject({ status_code: integer().optional() });
/** Body of a call reject. */
export type RealtimeCallRejectRequest = z.infer<typeof RealtimeCallRejectRequest>;
