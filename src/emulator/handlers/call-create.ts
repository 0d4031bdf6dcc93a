import { RealtimeSessionCreateRequestGA } from "../../schemas";
import type { ApiContext, ApiHandler } from "../context";
import { invalidRequest } from "../errors";
import { mediaType } from "../http";
import { newCallId } from "../ids";
import { parseMultipart } from "../multipart";
import { buildSdpAnswer } from "../sdp";
import type { JsonObject } from "../sessions/json";
import { effectiveRealtimeSession } from "../sessions/realtime";
import { parseBody } from "../validation";

/** The multipart fields `RealtimeCallCreateRequest` allows (`additionalProperties: false`). */
const CALL_FIELDS = new Set(["sdp", "session"]);

interface CallOffer {
  sdp: string;
  /** Effective session, when the request carried one. */
  session: JsonObject | null;
}

/** Reads `sdp` and the optional `session` JSON from a multipart body. */
async function readMultipartOffer(ctx: ApiContext): Promise<CallOffer> {
  const fields = await parseMultipart(ctx.rawBody, ctx.req.headers["content-type"] ?? "");
  for (const name of fields.keys()) {
    if (!CALL_FIELDS.has(name)) throw invalidRequest(`Unknown parameter: '${name}'.`, name, "unknown_parameter");
  }
  const sdp = fields.get("sdp")?.value;
  if (sdp === undefined) throw invalidRequest("Missing required parameter: 'sdp'.", "sdp", "missing_required_parameter");
  const sessionField = fields.get("session");
  if (sessionField === undefined) return { sdp, session: null };
  let session: unknown;
  try {
    session = JSON.parse(sessionField.value);
  } catch {
    throw invalidRequest("Invalid 'session': expected a JSON object.", "session", "invalid_json");
  }
  // `RealtimeCallCreateRequest.session` is a realtime session only; transcription has no call.
  return { sdp, session: effectiveRealtimeSession(parseBody(RealtimeSessionCreateRequestGA, session, "session") as JsonObject) };
}

/** Reads a bare `application/sdp` offer; the session comes from the `ek_` secret. */
function readSdpOffer(ctx: ApiContext): CallOffer {
  return { sdp: ctx.rawBody.toString("utf8"), session: null };
}

/**
 * `POST /v1/realtime/calls`: answers a WebRTC offer with `201`, an SDP answer
 * and `Location: /v1/realtime/calls/rtc_...`. The call starts `accepted`:
 * over WebRTC the model is on the line as soon as the answer is returned.
 */
export const createCall: ApiHandler = async (ctx) => {
  const type = mediaType(ctx.req);
  let offer: CallOffer;
  if (type === "multipart/form-data") {
    offer = await readMultipartOffer(ctx);
  } else if (type === "application/sdp") {
    offer = readSdpOffer(ctx);
  } else {
    throw invalidRequest(
      "Unsupported content type: send multipart/form-data (sdp, session) or application/sdp.",
      null,
      "unsupported_content_type",
    );
  }
  const answer = buildSdpAnswer(offer.sdp, ctx.state.nowSeconds());
  const session =
    offer.session ??
    (ctx.credential.kind === "client-secret" ? ctx.credential.secret.session : effectiveRealtimeSession({ type: "realtime" }));
  const id = newCallId();
  ctx.state.calls.set(id, { id, origin: "webrtc", status: "accepted", session, refer_target: null, reject_status_code: null });
  return {
    status: 201,
    headers: { "content-type": "application/sdp", location: `/v1/realtime/calls/${id}` },
    text: answer,
  };
};
