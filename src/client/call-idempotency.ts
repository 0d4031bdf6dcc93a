import type { APIError } from "./errors/api-error";

/** The control actions of `POST /realtime/calls/{call_id}/{action}`. */
export type CallAction = "accept" | "hangup" | "refer" | "reject";

/** The state each action leaves a call in. */
const RESULTING_STATE: Readonly<Record<CallAction, string>> = {
  accept: "accepted",
  hangup: "ended",
  refer: "referred",
  reject: "rejected",
};

/**
 * Whether a refused retry of `action` shows the call already where the
 * action leads, i.e. an earlier attempt took effect.
 *
 * The API refuses an action the call's state does not allow with `400`,
 * code `invalid_call_state`, and a message naming the current state (`... it
 * is 'accepted' ...`), as the package's emulator does. That wording is an
 * assumption about the live API: when the message names no state, or
 * another one, the refusal stands and is thrown, so a call that someone else
 * moved (rejected while we accepted) is never reported as done.
 *
 * @example
 * ```ts
 * alreadyInState("accept", err); // true for "Cannot accept call 'rtc_1': it is 'accepted', ..."
 * ```
 */
export function alreadyInState(action: CallAction, error: APIError): boolean {
  if (error.status !== 400 || error.code !== "invalid_call_state") return false;
  const state = /\bit is '([a-z_]+)'/.exec(error.apiMessage ?? "")?.[1];
  return state === RESULTING_STATE[action];
}
