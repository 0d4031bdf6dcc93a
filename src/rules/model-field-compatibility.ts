import { DEFAULT_REASONING_MODELS, FIELD_COMPATIBILITY, type Condition } from "./field-compatibility";
import type { Rule, RuleSubject } from "./rule";
import { fieldName, valueAt } from "./rule";
import { modelField, sessionShape, transcriptionModelField } from "./session-shape";

function applies(when: Condition, subject: RuleSubject, reasoningModels: readonly string[]): boolean {
  if ("always" in when) return true;
  if ("transcriptionModelIn" in when || "transcriptionModelNotIn" in when) {
    const model = transcriptionModelField(subject)[0]?.value;
    if (typeof model !== "string") return false;
    return "transcriptionModelIn" in when
      ? when.transcriptionModelIn.includes(model)
      : !when.transcriptionModelNotIn.includes(model);
  }
  if ("nonReasoningModel" in when) {
    const model = modelField(subject)[0]?.value;
    return typeof model === "string" && !reasoningModels.includes(model);
  }
  const key = subject.kind === "RealtimeSession" ? "modalities" : "output_modalities";
  const modalities = valueAt(subject.props, ["session", key]);
  return Array.isArray(modalities) && modalities.length > 0 && modalities.every((m) => m === "text");
}

/**
 * OAIRT010: no field that the session's type or model does not accept, per the table in
 * `field-compatibility.ts` (a `prompt` with `gpt-realtime-whisper`, `model` on a transcription
 * session, audio output settings on a text-only session, ...).
 *
 * @example
 * modelFieldCompatibility.check({ kind: "ClientSecret", props: { session: { type: "transcription", model: "gpt-realtime" } } }, { reasoningModels: [] });
 * // [{ path: ["session", "model"], message: "session.model is not accepted here: a transcription session does not accept it (it is a realtime session field)." }]
 */
export const modelFieldCompatibility: Rule<{ reasoningModels: string[] }> = {
  id: "OAIRT010",
  name: "openai-realtime-model-field-compatibility",
  aliases: [],
  severity: "medium",
  enforcementLevel: "mandatory",
  description: "Sessions set only fields their session type and models accept.",
  remediation: "Remove the field, or change the model or session type to one that accepts it.",
  configSchema: {
    properties: {
      reasoningModels: {
        type: "array",
        items: { type: "string" },
        description: "Realtime models that accept `reasoning` and `parallel_tool_calls`.",
        default: [...DEFAULT_REASONING_MODELS],
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession", "TranscriptionSession", "TranslationClientSecret"],
  check(subject, { reasoningModels }) {
    const shape = sessionShape(subject);
    if (shape === undefined) return [];
    return FIELD_COMPATIBILITY.filter((row) => row.shapes.includes(shape))
      .map((row) => ({ row, path: ["session", ...row.field] }))
      .filter(({ row, path }) => {
        const value = valueAt(subject.props, path);
        return value !== undefined && value !== null && applies(row.when, subject, reasoningModels);
      })
      .map(({ row, path }) => ({ path, message: `${fieldName(path)} is not accepted here: ${row.reason}.` }));
  },
};
