import { callView } from "./call-state";
import type { AdminHandler } from "./context";
import { callNotFound, invalidRequest } from "./errors";
import { parseFaultSettings } from "./faults";
import { parseJson } from "./http";
import { Router } from "./router";
import { parseSipHeaders, simulateIncomingCall } from "./sip";

const listRequests: AdminHandler = ({ state }) => ({ status: 200, json: { requests: state.recorder.list() } });

/** The body of `GET /_emulator/stats`. */
export interface EmulatorStats {
  /** Counts keyed by `METHOD path`, with call ids templated: `POST /v1/realtime/calls/{call_id}/accept`. */
  requests: Record<string, number>;
  /** Failures injected since start or the last reset. */
  faults: number;
}

const stats: AdminHandler = ({ state }) => {
  const body: EmulatorStats = { requests: state.recorder.stats(), faults: state.faults.injected };
  return { status: 200, json: body };
};

const incomingCall: AdminHandler = ({ rawBody, state, webhooks }) => {
  const body = parseJson(rawBody);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidRequest("Invalid body: expected a JSON object.", null, "invalid_type");
  }
  const unknown = Object.keys(body).find((key) => key !== "sip_headers");
  if (unknown !== undefined) throw invalidRequest(`Unknown parameter: '${unknown}'.`, unknown, "unknown_parameter");
  const { callId, delivery } = simulateIncomingCall(state, webhooks, parseSipHeaders((body as Record<string, unknown>)["sip_headers"]));
  // Delivery failures are the receiver's business; they must not crash the emulator.
  delivery?.catch(() => undefined);
  return { status: 200, json: { call_id: callId } };
};

const getCall: AdminHandler = ({ params, state }) => {
  const id = params["call_id"]!;
  const call = state.calls.get(id);
  if (call === undefined) throw callNotFound(id);
  return { status: 200, json: callView(call) };
};

const setFaults: AdminHandler = ({ rawBody, state }) => {
  state.faults.configure(parseFaultSettings(parseJson(rawBody)));
  return { status: 200, json: state.faults.current() };
};

const reset: AdminHandler = ({ state, webhooks }) => {
  state.reset();
  webhooks?.cancelPending();
  return { status: 200, json: { ok: true } };
};

/**
 * The `/_emulator/` routes (no auth): recorded requests, stats, SIP call
 * simulation, call inspection, fault injection and reset.
 */
export const adminRouter = new Router<AdminHandler>([
  { method: "GET", template: "/_emulator/requests", handler: listRequests },
  { method: "GET", template: "/_emulator/stats", handler: stats },
  { method: "POST", template: "/_emulator/calls/incoming", handler: incomingCall },
  { method: "GET", template: "/_emulator/calls/{call_id}", handler: getCall },
  { method: "POST", template: "/_emulator/faults", handler: setFaults },
  { method: "POST", template: "/_emulator/reset", handler: reset },
]);
