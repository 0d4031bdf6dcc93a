import { asObject, type JsonObject } from "./json";

/** Server VAD values the API reports when the request leaves them out (per its response examples). */
const SERVER_VAD_BASE = { type: "server_vad", threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 };

/** Realtime sessions also report the response-trigger flags and idle timeout. */
const SERVER_VAD_REALTIME = { ...SERVER_VAD_BASE, idle_timeout_ms: null, create_response: true, interrupt_response: true };

const SEMANTIC_VAD = { type: "semantic_vad", eagerness: "auto", create_response: true, interrupt_response: true };

/** Which session kind's defaults to fill: realtime sessions report more VAD fields than the others. */
export type TurnDetectionFlavor = "realtime" | "basic";

/**
 * The effective turn detection: `null` stays off, a missing value becomes the
 * default Server VAD, a given one keeps its values over the defaults.
 */
export function fillTurnDetection(given: unknown, flavor: TurnDetectionFlavor): JsonObject | null {
  if (given === null) return null;
  const serverVad = flavor === "realtime" ? SERVER_VAD_REALTIME : SERVER_VAD_BASE;
  if (given === undefined) return { ...serverVad };
  const value = asObject(given);
  const base = value["type"] === "semantic_vad" ? SEMANTIC_VAD : serverVad;
  return { ...base, ...value };
}
