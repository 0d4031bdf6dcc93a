import { KNOWN_TRANSCRIPTION_MODELS } from "../schemas/known";
import type { Rule } from "./rule";
import { fieldName, quoteList } from "./rule";
import { transcriptionModelField } from "./session-shape";

/**
 * OAIRT002: the input transcription model must be on the allow-list.
 *
 * @example
 * allowedTranscriptionModels.check(
 *   { kind: "ClientSecret", props: { session: { type: "transcription", audio: { input: { transcription: { model: "whisper-1" } } } } } },
 *   { models: ["gpt-4o-transcribe"] },
 * ); // one finding at session.audio.input.transcription.model
 */
export const allowedTranscriptionModels: Rule<{ models: string[] }> = {
  id: "OAIRT002",
  name: "openai-realtime-allowed-transcription-models",
  aliases: [],
  severity: "medium",
  enforcementLevel: "mandatory",
  description: "Input audio transcription uses only models on the allow-list.",
  remediation:
    "Set the transcription `model` to one of the allowed models, or add the model to `models` in the policy config.",
  configSchema: {
    properties: {
      models: {
        type: "array",
        items: { type: "string" },
        description: "Transcription model names sessions may use.",
        default: [...KNOWN_TRANSCRIPTION_MODELS],
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession", "TranscriptionSession", "TranslationClientSecret"],
  check(subject, { models }) {
    return transcriptionModelField(subject)
      .filter((field) => typeof field.value !== "string" || !models.includes(field.value))
      .map((field) => ({
        path: field.path,
        message: `${fieldName(field.path)} '${String(field.value)}' is not an allowed transcription model. Allowed: ${quoteList(models)}.`,
      }));
  },
};
