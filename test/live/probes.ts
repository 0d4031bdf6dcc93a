// The emulator's guesses about the live API, each as a probe: the same
// requests run against the emulator and against the API, and the two
// observations are compared. Where the reference is silent (default session
// fields, error codes and params, call-state rules, which fields are echoed),
// the emulator guessed; a live run says whether it guessed right.
import type { RealtimeClient } from "../../src/client";
import { SDP_OFFER } from "../helpers/sdp";

/** What one request did: its status and, for an error, the API's code and param. */
export interface Outcome {
  status: number;
  code?: string | null;
  param?: string | null;
}

/** Runs `request`, turning the client's API error into its status, code and param. */
export async function outcome(request: () => Promise<unknown>): Promise<Outcome> {
  try {
    await request();
    return { status: 200 };
  } catch (err) {
    const e = err as { status?: unknown; code?: string; param?: string };
    if (typeof e.status !== "number") throw err;
    return { status: e.status, code: e.code ?? null, param: e.param ?? null };
  }
}

/** Clients for one target: normal, and one that skips our own request validation to reach the API's. */
export interface Target {
  client: RealtimeClient;
  unchecked: RealtimeClient;
  wrongKey: RealtimeClient;
}

export interface Guess {
  id: string;
  /** The emulator's behaviour, as a sentence. */
  claim: string;
  /** A JSON-comparable observation. */
  observe(target: Target): Promise<unknown>;
}

const pick = (value: unknown, keys: readonly string[]): Record<string, unknown> => {
  const source = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key] ?? null]));
};

const REALTIME_DEFAULTS = ["model", "output_modalities", "max_output_tokens", "tool_choice", "truncation", "tracing", "prompt"];
const now = () => Math.floor(Date.now() / 1000);


const UNKNOWN_CALL = "rtc_00000000000000000000000000000000";

/** Every guess the emulator makes where the reference is silent. */
export const GUESSES: readonly Guess[] = [
  {
    id: "client-secret.default-model",
    claim: "a realtime session without a model gets gpt-realtime",
    observe: async ({ client }) => (await client.clientSecrets.create({ session: { type: "realtime" } })).session.model,
  },
  {
    id: "client-secret.realtime-defaults",
    claim: "the effective realtime session fills output_modalities, max_output_tokens, tool_choice, truncation, tracing and prompt",
    observe: async ({ client }) =>
      pick((await client.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } })).session, REALTIME_DEFAULTS),
  },
  {
    id: "client-secret.audio-defaults",
    claim: "the effective realtime session has pcm 24 kHz in and out, server VAD, voice and speed defaults",
    observe: async ({ client }) => {
      const session = (await client.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } })).session as {
        audio?: { input?: Record<string, unknown>; output?: Record<string, unknown> };
      };
      return { input: pick(session.audio?.input, ["format", "turn_detection"]), output: pick(session.audio?.output, ["format", "voice", "speed"]) };
    },
  },
  {
    id: "client-secret.transcription-defaults",
    claim: "a transcription session gets a transcription model, pcm 24 kHz and server VAD",
    observe: async ({ client }) => {
      const session = (await client.clientSecrets.create({ session: { type: "transcription" } })).session as {
        audio?: { input?: Record<string, unknown> };
      };
      return pick(session.audio?.input, ["format", "transcription", "turn_detection", "noise_reduction"]);
    },
  },
  {
    id: "client-secret.default-lifetime",
    claim: "without expires_after a client secret lives 600 seconds",
    observe: async ({ client }) => Math.round(((await client.clientSecrets.create({ session: { type: "realtime" } })).expires_at - now()) / 10) * 10,
  },
  {
    id: "client-secret.shortest-lifetime",
    claim: "expires_after.seconds 10 (what SessionTemplate probes with) is accepted and honoured",
    observe: async ({ client }) => {
      const res = await client.clientSecrets.create({ expires_after: { anchor: "created_at", seconds: 10 }, session: { type: "realtime" } });
      return Math.abs(res.expires_at - now() - 10) <= 5;
    },
  },
  {
    id: "client-secret.mcp-authorization-echo",
    claim: "the effective session echoes an MCP tool's authorization (SessionTemplate puts it back either way)",
    observe: async ({ client }) => {
      const res = await client.clientSecrets.create({
        session: {
          type: "realtime",
          tools: [{ type: "mcp", server_label: "docs", server_url: "https://mcp.example.com/sse", authorization: "probe-token", require_approval: "never" }],
        },
      });
      const tool = ((res.session as { tools?: Array<Record<string, unknown>> }).tools ?? [])[0] ?? {};
      if (!("authorization" in tool)) return "omitted";
      return tool.authorization === "probe-token" ? "echoed" : "masked";
    },
  },
  {
    id: "error.wrong-key",
    claim: "a wrong key answers 401 with code invalid_api_key",
    observe: ({ wrongKey }) => outcome(() => wrongKey.clientSecrets.create({ session: { type: "realtime" } })),
  },
  {
    id: "error.out-of-range",
    claim: "an out-of-range value answers 400 naming its dotted path as param",
    observe: ({ unchecked }) =>
      outcome(() => unchecked.clientSecrets.create({ session: { type: "realtime", audio: { output: { speed: 9 } } } })),
  },
  {
    id: "error.unknown-parameter",
    claim: "an unknown field answers 400 with code unknown_parameter and its path",
    observe: ({ unchecked }) =>
      outcome(() => unchecked.clientSecrets.create({ session: { type: "realtime", temprature: 0.5 } as never })),
  },
  {
    id: "error.whisper-turn-detection",
    claim: "gpt-realtime-whisper with turn detection answers 400 invalid_value at session.audio.input.turn_detection",
    observe: ({ unchecked }) =>
      outcome(() =>
        unchecked.clientSecrets.create({
          session: { type: "transcription", audio: { input: { transcription: { model: "gpt-realtime-whisper" }, turn_detection: { type: "server_vad" } } } },
        } as never),
      ),
  },
  {
    id: "legacy.sessions",
    claim: "POST /realtime/sessions still answers (the emulator serves it; OpenAI is reported to answer 404 since 2026-05-12)",
    observe: ({ client }) => outcome(() => client.sessions.create({ model: "gpt-realtime" })),
  },
  {
    id: "legacy.transcription-sessions",
    claim: "POST /realtime/transcription_sessions still answers (reported 404 since 2026-05-12)",
    observe: ({ client }) => outcome(() => client.transcriptionSessions.create({})),
  },
  {
    id: "translation.client-secret",
    claim: "a translation client secret is minted for gpt-realtime-translate",
    observe: async ({ client }) =>
      (await client.translations.clientSecrets.create({ session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } } })).session
        .model,
  },
  {
    id: "calls.webrtc-create-refer-hangup",
    claim: "a WebRTC call is created from an SDP offer, cannot be referred (400 invalid_call_state), and hangs up",
    observe: async ({ client }) => {
      const created = await client.calls.create({ sdp: SDP_OFFER, session: { type: "realtime", model: "gpt-realtime" } });
      const refer = await outcome(() => client.calls.refer(created.callId, { target_uri: "tel:+14155550123" }));
      const hangup = await outcome(() => client.calls.hangup(created.callId));
      return { answered: created.sdpAnswer.startsWith("v=0"), refer, hangup };
    },
  },
  {
    id: "calls.unknown-id",
    claim: "accept, hangup, refer and reject on an unknown call answer 404 with code not_found and param call_id",
    observe: async ({ client }) => ({
      accept: await outcome(() => client.calls.accept(UNKNOWN_CALL, { type: "realtime", model: "gpt-realtime" })),
      hangup: await outcome(() => client.calls.hangup(UNKNOWN_CALL)),
      refer: await outcome(() => client.calls.refer(UNKNOWN_CALL, { target_uri: "tel:+14155550123" })),
      reject: await outcome(() => client.calls.reject(UNKNOWN_CALL)),
    }),
  },
];
