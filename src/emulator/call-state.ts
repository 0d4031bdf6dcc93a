/** The states a call moves through, as `GET /_emulator/calls/{id}` reports them. */
export type CallStatus = "incoming" | "accepted" | "referred" | "rejected" | "ended";

/** The control actions of `POST /v1/realtime/calls/{call_id}/{action}`. */
export type CallAction = "accept" | "hangup" | "refer" | "reject";

/** Where a call came from: a simulated SIP INVITE or a WebRTC offer. */
export type CallOrigin = "sip" | "webrtc";

/** A call the emulator tracks. `session` is the effective session once one applies. */
export interface CallRecord {
  id: string;
  origin: CallOrigin;
  status: CallStatus;
  session: Record<string, unknown> | null;
  refer_target: string | null;
  reject_status_code: number | null;
}

/**
 * The allowed moves: `incoming -> accepted -> referred|ended`,
 * `incoming -> rejected`, and hangup ends any call that is still live.
 */
const TRANSITIONS: Readonly<Record<CallAction, Partial<Record<CallStatus, CallStatus>>>> = {
  accept: { incoming: "accepted" },
  reject: { incoming: "rejected" },
  refer: { accepted: "referred" },
  hangup: { incoming: "ended", accepted: "ended", referred: "ended" },
};

/**
 * The status `action` moves a call in `status` to, or null when the state
 * does not allow it.
 *
 * @example
 * nextCallStatus("incoming", "accept") // "accepted"
 * nextCallStatus("ended", "refer")     // null
 */
export function nextCallStatus(status: CallStatus, action: CallAction): CallStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/**
 * The state a call must be in for `action`, for error messages.
 *
 * @example
 * requiredStatuses("hangup") // ["incoming", "accepted", "referred"]
 */
export function requiredStatuses(action: CallAction): CallStatus[] {
  return Object.keys(TRANSITIONS[action]) as CallStatus[];
}

/** A call as `GET /_emulator/calls/{id}` shows it: the contract's five fields. */
export type CallView = Omit<CallRecord, "origin">;

/** The external view of a call for the admin route. */
export function callView(call: CallRecord): CallView {
  return {
    id: call.id,
    status: call.status,
    session: call.session,
    refer_target: call.refer_target,
    reject_status_code: call.reject_status_code,
  };
}
