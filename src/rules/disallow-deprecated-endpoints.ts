import type { Rule } from "./rule";

/** The day OpenAI removed the beta Realtime interface. */
export const BETA_REMOVAL_DATE = "2026-05-12";

/**
 * OAIRT009 (advisory): `RealtimeSession` and `TranscriptionSession` call the beta endpoints
 * (`POST /realtime/sessions`, `POST /realtime/transcription_sessions`) that OpenAI removed on
 * 2026-05-12; they are reported to answer 404 since.
 *
 * @example
 * disallowDeprecatedEndpoints.check({ kind: "RealtimeSession", props: {} }, {}).length; // 1
 */
export const disallowDeprecatedEndpoints: Rule<Record<string, never>> = {
  id: "OAIRT009",
  name: "openai-realtime-disallow-deprecated-endpoints",
  aliases: [],
  severity: "medium",
  enforcementLevel: "advisory",
  description: "Resources do not use the beta session endpoints OpenAI removed on 2026-05-12.",
  remediation:
    "Replace RealtimeSession with ClientSecret and a `{type: \"realtime\"}` session, and TranscriptionSession with ClientSecret and a `{type: \"transcription\"}` session.",
  configSchema: { properties: {} },
  kinds: ["RealtimeSession", "TranscriptionSession"],
  check(subject) {
    const [endpoint, replacement] =
      subject.kind === "RealtimeSession"
        ? ["POST /realtime/sessions", "a ClientSecret with a realtime session"]
        : ["POST /realtime/transcription_sessions", "a ClientSecret with a transcription session"];
    return [
      {
        path: [],
        message: `${subject.kind} uses ${endpoint}, which OpenAI removed on ${BETA_REMOVAL_DATE}; use ${replacement} instead.`,
      },
    ];
  },
};
