import type { PathSegment, RuleSubject } from "./rule";
import { isRecord, valueAt } from "./rule";

/**
 * Which session body a subject carries. Client secrets and templates take a GA session told apart
 * by `type`; the two legacy endpoints and translations each have their own flat shape.
 */
export type SessionShape = "realtime" | "transcription" | "legacy-realtime" | "legacy-transcription" | "translation";

/**
 * The shape of `subject.props.session`, or undefined when there is no session object to judge.
 *
 * @example
 * sessionShape({ kind: "ClientSecret", props: { session: { type: "transcription" } } }); // "transcription"
 */
export function sessionShape(subject: RuleSubject): SessionShape | undefined {
  const session = subject.props.session;
  if (!isRecord(session)) return undefined;
  switch (subject.kind) {
    case "SessionTemplate":
    case "ClientSecret":
      if (session.type === "realtime") return "realtime";
      if (session.type === "transcription") return "transcription";
      return undefined;
    case "RealtimeSession":
      return "legacy-realtime";
    case "TranscriptionSession":
      return "legacy-transcription";
    case "TranslationClientSecret":
      return "translation";
  }
}

/** A field that exists in the subject, with its path from the subject's arguments. */
export interface Field {
  path: PathSegment[];
  value: unknown;
}

function present(subject: RuleSubject, path: PathSegment[]): Field[] {
  const value = valueAt(subject.props, path);
  return value === undefined || value === null ? [] : [{ path, value }];
}

/** `session.model` where the shape has one (not on transcription sessions). */
export function modelField(subject: RuleSubject): Field[] {
  const shape = sessionShape(subject);
  if (shape === "realtime" || shape === "legacy-realtime" || shape === "translation") {
    return present(subject, ["session", "model"]);
  }
  return [];
}

/** The input transcription model field of any shape. */
export function transcriptionModelField(subject: RuleSubject): Field[] {
  const shape = sessionShape(subject);
  if (shape === undefined) return [];
  if (shape === "legacy-realtime" || shape === "legacy-transcription") {
    return present(subject, ["session", "input_audio_transcription", "model"]);
  }
  return present(subject, ["session", "audio", "input", "transcription", "model"]);
}

/** The output voice of realtime shapes. */
export function voiceField(subject: RuleSubject): Field[] {
  const shape = sessionShape(subject);
  if (shape === "realtime") return present(subject, ["session", "audio", "output", "voice"]);
  if (shape === "legacy-realtime") return present(subject, ["session", "voice"]);
  return [];
}

/** The tool list of realtime shapes, each tool with its path. */
export function toolFields(subject: RuleSubject): Field[] {
  const shape = sessionShape(subject);
  if (shape !== "realtime" && shape !== "legacy-realtime") return [];
  const tools = valueAt(subject.props, ["session", "tools"]);
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((value, index) => (isRecord(value) ? [{ path: ["session", "tools", index], value }] : []));
}

/**
 * Text the model reads and a person may paste a credential into: instructions, prompt variables
 * and tool descriptions.
 */
export function modelVisibleText(subject: RuleSubject): Array<{ path: PathSegment[]; text: string }> {
  const shape = sessionShape(subject);
  if (shape !== "realtime" && shape !== "legacy-realtime") return [];
  const out: Array<{ path: PathSegment[]; text: string }> = [];
  const add = (path: PathSegment[], value: unknown) => {
    if (typeof value === "string") out.push({ path, text: value });
  };
  add(["session", "instructions"], valueAt(subject.props, ["session", "instructions"]));
  const variables = valueAt(subject.props, ["session", "prompt", "variables"]);
  if (isRecord(variables)) {
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value === "string") add(["session", "prompt", "variables", key], value);
      else if (isRecord(value)) add(["session", "prompt", "variables", key, "text"], value.text);
    }
  }
  for (const tool of toolFields(subject)) {
    const value = tool.value as Record<string, unknown>;
    add([...tool.path, "description"], value.description);
    add([...tool.path, "server_description"], value.server_description);
  }
  return out;
}
