import { invalidRequest } from "./errors";
import { newCallId, newEventId } from "./ids";
import type { EmulatorState } from "./state";
import type { DeliveryResult, WebhookSender } from "./webhook-sender";

/** A header from the simulated SIP INVITE. */
export interface SipHeader {
  name: string;
  value: string;
}

/**
 * Reads `sip_headers` from `POST /_emulator/calls/incoming`: the webhook's
 * own `[{name, value}]` list, or a `{name: value}` map for convenience.
 */
export function parseSipHeaders(value: unknown): SipHeader[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    return value.map((header: unknown, i) => {
      const { name, value: headerValue } = (header ?? {}) as Record<string, unknown>;
      if (typeof name !== "string" || typeof headerValue !== "string") {
        throw invalidRequest(`Invalid 'sip_headers.${i}': expected {"name": string, "value": string}.`, `sip_headers.${i}`, "invalid_type");
      }
      return { name, value: headerValue };
    });
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).map(([name, headerValue]) => {
      if (typeof headerValue !== "string") {
        throw invalidRequest(`Invalid 'sip_headers.${name}': expected a string.`, `sip_headers.${name}`, "invalid_type");
      }
      return { name, value: headerValue };
    });
  }
  throw invalidRequest("Invalid 'sip_headers': expected a list of {name, value} or an object.", "sip_headers", "invalid_type");
}

/**
 * The `realtime.call.incoming` event, shaped like `WebhookRealtimeCallIncoming`.
 *
 * @example
 * incomingCallEvent("rtc_1", [{ name: "To", value: "sip:+14155550123@sip.example" }], 1719168000).type
 * // "realtime.call.incoming"
 */
export function incomingCallEvent(callId: string, sipHeaders: SipHeader[], createdAt: number): object {
  return {
    object: "event",
    id: newEventId(),
    type: "realtime.call.incoming",
    created_at: createdAt,
    data: { call_id: callId, sip_headers: sipHeaders },
  };
}

/**
 * Simulates a SIP INVITE reaching OpenAI: records an `incoming` call and,
 * when a webhook target is configured, starts delivering the signed event
 * (not awaited: the real INVITE does not wait for your webhook either).
 */
export function simulateIncomingCall(
  state: EmulatorState,
  webhooks: WebhookSender | null,
  sipHeaders: SipHeader[],
): { callId: string; delivery: Promise<DeliveryResult> | null } {
  const callId = newCallId();
  state.calls.set(callId, { id: callId, origin: "sip", status: "incoming", session: null, refer_target: null, reject_status_code: null });
  const delivery = webhooks?.deliver(incomingCallEvent(callId, sipHeaders, state.nowSeconds())) ?? null;
  return { callId, delivery };
}
