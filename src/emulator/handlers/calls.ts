import { RealtimeCallReferRequest, RealtimeCallRejectRequest, RealtimeSessionCreateRequestGA } from "../../schemas";
import { nextCallStatus, requiredStatuses, type CallAction, type CallRecord } from "../call-state";
import type { ApiContext, ApiHandler } from "../context";
import { callNotFound, EmulatorApiError, invalidRequest } from "../errors";
import { parseJson } from "../http";
import type { JsonObject } from "../sessions/json";
import { effectiveRealtimeSession } from "../sessions/realtime";
import { parseBody } from "../validation";

/** The SIP status the API sends when a reject names none (603 Decline). */
export const DEFAULT_REJECT_STATUS = 603;

/**
 * Finds the call and checks `action` is allowed in its state.
 *
 * A disallowed action answers 400 `invalid_request_error` with code
 * `invalid_call_state`, not 409: the API reports "not in a state that allows
 * this" as 400 elsewhere (e.g. cancelling a finished run), and the official
 * SDKs retry 409s, which can never help once a call has moved on.
 */
function transition(ctx: ApiContext, action: CallAction): CallRecord {
  const id = ctx.params["call_id"]!;
  const call = ctx.state.calls.get(id);
  if (call === undefined) throw callNotFound(id);
  if (action === "refer" && call.origin === "webrtc") {
    throw invalidRequest(`Call '${id}' is a WebRTC call; only SIP calls can be referred.`, null, "invalid_call_state");
  }
  const next = nextCallStatus(call.status, action);
  if (next === null) {
    const allowed = requiredStatuses(action).map((s) => `'${s}'`).join(" or ");
    throw new EmulatorApiError(
      400,
      `Cannot ${action} call '${id}': it is '${call.status}', and ${action} needs ${allowed}.`,
      "invalid_request_error",
      null,
      "invalid_call_state",
    );
  }
  call.status = next;
  return call;
}

/** The API answers control actions with `200 OK` and no body. */
const OK = { status: 200 } as const;

/** `POST /v1/realtime/calls/{call_id}/accept`: applies the session and bridges the caller. */
export const acceptCall: ApiHandler = (ctx) => {
  const body = parseBody(RealtimeSessionCreateRequestGA, parseJson(ctx.rawBody)) as JsonObject;
  const call = transition(ctx, "accept");
  call.session = effectiveRealtimeSession(body);
  return OK;
};

/** `POST /v1/realtime/calls/{call_id}/hangup`: ends any live call. */
export const hangupCall: ApiHandler = (ctx) => {
  transition(ctx, "hangup");
  return OK;
};

/** `POST /v1/realtime/calls/{call_id}/refer`: transfers an accepted SIP call. */
export const referCall: ApiHandler = (ctx) => {
  const body = parseBody(RealtimeCallReferRequest, parseJson(ctx.rawBody)) as JsonObject;
  const call = transition(ctx, "refer");
  call.refer_target = String(body["target_uri"]);
  return OK;
};

/** `POST /v1/realtime/calls/{call_id}/reject`: declines an incoming call with a SIP status. */
export const rejectCall: ApiHandler = (ctx) => {
  const body = parseBody(RealtimeCallRejectRequest, parseJson(ctx.rawBody)) as JsonObject;
  const status = body["status_code"] ?? DEFAULT_REJECT_STATUS;
  // SIP final responses that decline a call are 4xx-6xx (RFC 3261 section 21).
  if (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 699) {
    throw invalidRequest(
      `Invalid 'status_code': expected a SIP status from 400 to 699, got ${JSON.stringify(status)}.`,
      "status_code",
      "invalid_value",
    );
  }
  const call = transition(ctx, "reject");
  call.reject_status_code = status;
  return OK;
};
