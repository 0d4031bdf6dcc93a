import { KNOWN_VOICES } from "../schemas/known";
import type { Rule } from "./rule";
import { fieldName, isRecord, quoteList } from "./rule";
import { voiceField } from "./session-shape";

/**
 * OAIRT007 (advisory): the output voice is on the allow-list. A custom voice object is judged by
 * its `id`.
 *
 * @example
 * allowedVoices.check({ kind: "SessionTemplate", props: { session: { type: "realtime", audio: { output: { voice: "ash" } } } } }, { voices: ["marin"] });
 * // [{ path: ["session", "audio", "output", "voice"], message: "session.audio.output.voice 'ash' is not an allowed voice. Allowed: 'marin'." }]
 */
export const allowedVoices: Rule<{ voices: string[] }> = {
  id: "OAIRT007",
  name: "openai-realtime-allowed-voices",
  aliases: [],
  severity: "low",
  enforcementLevel: "advisory",
  description: "Sessions speak only with voices on the allow-list.",
  remediation: "Set the output voice to one of the allowed voices, or add it to `voices` in the policy config.",
  configSchema: {
    properties: {
      voices: {
        type: "array",
        items: { type: "string" },
        description: "Voice names (or custom voice ids) sessions may use.",
        default: [...KNOWN_VOICES],
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession"],
  check(subject, { voices }) {
    return voiceField(subject).flatMap((field) => {
      const name = isRecord(field.value) ? field.value.id : field.value;
      if (typeof name === "string" && voices.includes(name)) return [];
      return [
        {
          path: field.path,
          message: `${fieldName(field.path)} '${String(name)}' is not an allowed voice. Allowed: ${quoteList(voices)}.`,
        },
      ];
    });
  },
};
