import type { RealtimeCallReferRequest, RealtimeCallRejectRequest, RealtimeSessionCreateRequestGA } from "../schemas";
import { segment, type Api } from "./api";
import { alreadyInState, type CallAction } from "./call-idempotency";
import { APIError } from "./errors/api-error";
import type { RequestSchemaName } from "./lazy-schemas";
import { encodeMultipart } from "./multipart";
import { withRequestId, type WithRequestId } from "./request-id";
import type { RequestOptions } from "./request-options";

/** Body of {@link Calls.create}. */
export interface CallCreateParams {
  /** The caller's WebRTC SDP offer. */
  sdp: string;
  /**
   * Session config for the call. Leave it out when the client is
   * authenticated with an `ek_` token: the token already carries the session.
   */
  session?: RealtimeSessionCreateRequestGA | undefined;
}

/** Result of {@link Calls.create}. */
export interface CallCreateResult {
  /** The call id (`rtc_...`) from the `Location` header, for accept/hangup/refer/reject. */
  callId: string;
  /** OpenAI's SDP answer, to set as the peer connection's remote description. */
  sdpAnswer: string;
}

const CREATE_PATH = "/realtime/calls";

/**
 * `/realtime/calls/...`: WebRTC call setup and SIP call control. The control
 * methods resolve to nothing: the API answers them with an empty 200.
 *
 * Control actions never act twice: when an attempt may have reached the API
 * (it timed out, its connection dropped, or it got a 5xx) and the retry is
 * refused because the call is already in the state the action leads to
 * (`400 invalid_call_state` naming that state), the action counts as done.
 */
export class Calls {
  readonly #api: Api;

  /** @internal built by `RealtimeClient`. */
  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * Starts a WebRTC call. With a `session`, sends multipart/form-data (`sdp`
   * and `session` parts); without one, sends the bare offer as
   * `application/sdp`, as a browser holding an `ek_` token does.
   *
   * @example
   * ```ts
   * const { callId, sdpAnswer } = await client.calls.create({ sdp: offer.sdp, session: { type: "realtime", model: "gpt-realtime" } });
   * ```
   */
  async create(params: CallCreateParams, options?: RequestOptions): Promise<CallCreateResult & WithRequestId> {
    const issues = await this.#api.issues("RealtimeCallCreateRequest", params);
    if (typeof params.sdp === "string" && params.sdp.trim() === "") {
      // The schema allows any string; an empty offer can only earn a 400 from the API.
      issues.push({ path: "sdp", code: "invalid_value", message: "Invalid value for 'sdp': expected a non-empty SDP offer." });
    }
    this.#api.check("POST", CREATE_PATH, issues);
    const body =
      params.session === undefined
        ? { contentType: "application/sdp", data: params.sdp }
        : encodeMultipart([
            { name: "sdp", contentType: "application/sdp", value: params.sdp },
            { name: "session", contentType: "application/json", value: JSON.stringify(params.session) },
          ]);
    const res = await this.#api.send({ method: "POST", path: CREATE_PATH, accept: "application/sdp", body }, options);
    const callId = callIdFromLocation(res.headers["location"]);
    if (callId === undefined) {
      throw new APIError({
        status: res.status,
        method: "POST",
        path: CREATE_PATH,
        headers: res.headers,
        fallbackMessage: "the response has no Location header with the call id",
      });
    }
    return withRequestId({ callId, sdpAnswer: res.body }, res.headers);
  }

  /**
   * Accepts an incoming SIP call with a session config (the same body as a
   * client secret's `session`).
   *
   * @example
   * ```ts
   * await client.calls.accept(event.data.call_id, { type: "realtime", model: "gpt-realtime", instructions: "..." });
   * ```
   */
  accept(callId: string, body: RealtimeSessionCreateRequestGA, options?: RequestOptions): Promise<void> {
    return this.#control(callId, "accept", "RealtimeCallAcceptRequest", body, options);
  }

  /**
   * Ends a SIP or WebRTC call.
   *
   * @example
   * ```ts
   * await client.calls.hangup(callId);
   * ```
   */
  hangup(callId: string, options?: RequestOptions): Promise<void> {
    return this.#control(callId, "hangup", undefined, undefined, options);
  }

  /**
   * Transfers a SIP call (SIP REFER).
   *
   * @example
   * ```ts
   * await client.calls.refer(callId, { target_uri: "tel:+14155550123" });
   * ```
   */
  refer(callId: string, body: RealtimeCallReferRequest, options?: RequestOptions): Promise<void> {
    return this.#control(callId, "refer", "RealtimeCallReferRequest", body, options);
  }

  /**
   * Declines an incoming SIP call; the API sends `603 Decline` unless
   * `status_code` says otherwise.
   *
   * @example
   * ```ts
   * await client.calls.reject(callId, { status_code: 486 });
   * ```
   */
  reject(callId: string, body?: RealtimeCallRejectRequest, options?: RequestOptions): Promise<void> {
    return this.#control(callId, "reject", "RealtimeCallRejectRequest", body ?? {}, options);
  }

  async #control(
    callId: string,
    action: CallAction,
    schema: RequestSchemaName | undefined,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<void> {
    if (typeof callId !== "string" || callId === "") {
      this.#api.check("POST", `/realtime/calls/{call_id}/${action}`, [
        { path: "call_id", code: "invalid_value", message: "Invalid value for 'call_id': expected a non-empty call id." },
      ]);
    }
    // Encoding keeps `/` and `?` inside the segment, but `.` and `..` are path steps to any URL parser.
    if (callId === "." || callId === "..") {
      this.#api.check("POST", `/realtime/calls/{call_id}/${action}`, [
        { path: "call_id", code: "invalid_value", message: "Invalid value for 'call_id': expected one path segment (not '.' or '..')." },
      ]);
    }
    await this.#api.postVoid(`/realtime/calls/${segment(callId)}/${action}`, schema, body, options, (error) =>
      alreadyInState(action, error),
    );
  }
}

/** `Location: /v1/realtime/calls/rtc_123` -> `rtc_123` (absolute URLs too). */
function callIdFromLocation(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  let pathname: string;
  try {
    pathname = new URL(location, "http://location.invalid").pathname;
  } catch {
    return undefined;
  }
  const last = pathname.split("/").filter((s) => s !== "").pop();
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}
