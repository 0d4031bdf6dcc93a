import type { Rule } from "./rule";
import { fieldName, quoteList } from "./rule";
import { modelField } from "./session-shape";
import { KNOWN_REALTIME_MODELS, KNOWN_TRANSLATION_MODELS } from "../schemas/known";

/** GA realtime, audio and translation models the reference lists: the default allow-list (preview models left out). */
export const DEFAULT_ALLOWED_MODELS: readonly string[] = [
  ...KNOWN_REALTIME_MODELS.filter((model) => !model.includes("preview")),
  ...KNOWN_TRANSLATION_MODELS,
];

/**
 * OAIRT001: `session.model` must be on the allow-list, for every resource kind.
 *
 * @example
 * allowedModels.check({ kind: "ClientSecret", props: { session: { type: "realtime", model: "gpt-4o-realtime-preview" } } }, { models: ["gpt-realtime"] });
 * // [{ path: ["session", "model"], message: "session.model 'gpt-4o-realtime-preview' is not an allowed model. Allowed: 'gpt-realtime'." }]
 */
export const allowedModels: Rule<{ models: string[] }> = {
  id: "OAIRT001",
  name: "openai-realtime-allowed-models",
  aliases: [],
  severity: "high",
  enforcementLevel: "mandatory",
  description: "Sessions use only models on the allow-list.",
  remediation: "Set `session.model` to one of the allowed models, or add the model to `models` in the policy config.",
  configSchema: {
    properties: {
      models: {
        type: "array",
        items: { type: "string" },
        description: "Model names sessions may use.",
        default: [...DEFAULT_ALLOWED_MODELS],
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession", "TranscriptionSession", "TranslationClientSecret"],
  check(subject, { models }) {
    return modelField(subject)
      .filter((field) => typeof field.value !== "string" || !models.includes(field.value))
      .map((field) => ({
        path: field.path,
        message: `${fieldName(field.path)} '${String(field.value)}' is not an allowed model. Allowed: ${quoteList(models)}.`,
      }));
  },
};
