// Invalid realtime.yaml files across every schema area, each with the field `validate` must name,
// shared by the `validate` table and the `pulumi preview` sample; and the sample's resource
// arguments, one per area, which the provider's check must refuse.

/** One invalid config: the file's text, the exit code and the field (dotted path) the error names. */
export interface BadInput {
  area: "type" | "range" | "enum" | "unknown field" | "session type" | "reference" | "yaml";
  name: string;
  yaml: string;
  field: string;
  code: 1 | 2;
}

const template = (session: string) => `templates:\n  concierge:\n    session: ${session}\n`;
const realtime = (extra: string) => template(`{ type: realtime, model: gpt-realtime, max_output_tokens: 512, ${extra} }`);
const secret = (fields: string) => `${realtime("")}clientSecrets:\n  web:\n    template: concierge\n${fields}`;
const route = (fields: string) => `${realtime("")}callRoutes:\n  - ${fields}\n`;

export const BAD_INPUTS: readonly BadInput[] = [
  // Types.
  { area: "type", name: "model is a number", yaml: template("{ type: realtime, model: 42 }"), field: "templates.concierge.session.model", code: 1 },
  { area: "type", name: "instructions is a list", yaml: realtime("instructions: [a, b]"), field: "templates.concierge.session.instructions", code: 1 },
  { area: "type", name: "expiresAfterSeconds is a string", yaml: secret("    expiresAfterSeconds: ten\n"), field: "clientSecrets.web.expiresAfterSeconds", code: 1 },
  { area: "type", name: "output_modalities is not a list", yaml: realtime("output_modalities: audio"), field: "templates.concierge.session.output_modalities", code: 1 },
  { area: "type", name: "tools is a mapping", yaml: realtime("tools: { a: 1 }"), field: "templates.concierge.session.tools", code: 1 },
  { area: "type", name: "voice is a number", yaml: realtime("audio: { output: { voice: 7 } }"), field: "templates.concierge.session.audio.output.voice", code: 1 },
  { area: "type", name: "templates is a list", yaml: "templates:\n  - concierge\n", field: "templates", code: 1 },
  { area: "type", name: "callRoutes is a mapping", yaml: "callRoutes:\n  first: { action: reject }\n", field: "callRoutes", code: 1 },
  { area: "type", name: "session is a string", yaml: template("realtime"), field: "templates.concierge.session", code: 1 },
  // Ranges.
  { area: "range", name: "speed above 1.5", yaml: realtime("audio: { output: { speed: 3 } }"), field: "templates.concierge.session.audio.output.speed", code: 1 },
  { area: "range", name: "speed below 0.25", yaml: realtime("audio: { output: { speed: 0.1 } }"), field: "templates.concierge.session.audio.output.speed", code: 1 },
  { area: "range", name: "expiresAfterSeconds below 10", yaml: secret("    expiresAfterSeconds: 5\n"), field: "clientSecrets.web.expiresAfterSeconds", code: 1 },
  { area: "range", name: "expiresAfterSeconds above 7200", yaml: secret("    expiresAfterSeconds: 9000\n"), field: "clientSecrets.web.expiresAfterSeconds", code: 1 },
  { area: "range", name: "rotateBeforeSeconds not below the lifetime", yaml: secret("    expiresAfterSeconds: 300\n    rotateBeforeSeconds: 300\n"), field: "clientSecrets.web.rotateBeforeSeconds", code: 1 },
  { area: "range", name: "max_output_tokens above 4096", yaml: template("{ type: realtime, max_output_tokens: 5000 }"), field: "templates.concierge.session.max_output_tokens", code: 1 },
  { area: "range", name: "max_output_tokens zero", yaml: template("{ type: realtime, max_output_tokens: 0 }"), field: "templates.concierge.session.max_output_tokens", code: 1 },
  { area: "range", name: "VAD threshold above 1", yaml: realtime("audio: { input: { turn_detection: { type: server_vad, threshold: 2 } } }"), field: "templates.concierge.session.audio.input.turn_detection", code: 1 },
  { area: "range", name: "retention_ratio above 1", yaml: realtime("truncation: { type: retention_ratio, retention_ratio: 1.5 }"), field: "templates.concierge.session.truncation", code: 1 },
  { area: "range", name: "reject statusCode 200", yaml: route("{ match: { from: '*' }, action: reject, statusCode: 200 }"), field: "callRoutes.0.statusCode", code: 1 },
  { area: "range", name: "legacy temperature 2", yaml: "realtimeSessions:\n  legacy:\n    session: { model: gpt-realtime, temperature: 2 }\n", field: "realtimeSessions.legacy.session.temperature", code: 1 },
  { area: "range", name: "maxDurationSeconds negative", yaml: route("{ match: { from: '*' }, action: accept, template: concierge, maxDurationSeconds: -1 }"), field: "callRoutes.0.maxDurationSeconds", code: 1 },
  // Enums.
  { area: "enum", name: "session type chat", yaml: template("{ type: chat }"), field: "templates.concierge.session.type", code: 1 },
  { area: "enum", name: "output modality video", yaml: realtime("output_modalities: [video]"), field: "templates.concierge.session.output_modalities", code: 1 },
  { area: "enum", name: "tool_choice sometimes", yaml: realtime("tool_choice: sometimes"), field: "templates.concierge.session.tool_choice", code: 1 },
  { area: "enum", name: "reasoning effort extreme", yaml: realtime("reasoning: { effort: extreme }"), field: "templates.concierge.session.reasoning.effort", code: 1 },
  { area: "enum", name: "noise reduction middle_field", yaml: realtime("audio: { input: { noise_reduction: { type: middle_field } } }"), field: "templates.concierge.session.audio.input.noise_reduction.type", code: 1 },
  { area: "enum", name: "route action forward", yaml: route("{ match: { from: '*' }, action: forward }"), field: "callRoutes.0.action", code: 1 },
  { area: "enum", name: "legacy audio format mp3", yaml: "realtimeSessions:\n  legacy:\n    session: { input_audio_format: mp3 }\n", field: "realtimeSessions.legacy.session.input_audio_format", code: 1 },
  { area: "enum", name: "transcription delay slowest", yaml: realtime("audio: { input: { transcription: { model: gpt-realtime-whisper, delay: slowest } } }"), field: "templates.concierge.session.audio.input.transcription.delay", code: 1 },
  { area: "enum", name: "MCP connector id", yaml: realtime("tools: [{ type: mcp, server_label: x, connector_id: connector_myspace }]"), field: "templates.concierge.session.tools", code: 1 },
  // Unknown fields.
  { area: "unknown field", name: "sesion typo", yaml: "templates:\n  concierge:\n    sesion: { type: realtime }\n", field: "templates.concierge.sesion", code: 1 },
  { area: "unknown field", name: "temperature on a GA session", yaml: realtime("temperature: 0.8"), field: "templates.concierge.session.temperature", code: 1 },
  { area: "unknown field", name: "expiresAfter typo", yaml: secret("    expiresAfter: 600\n"), field: "clientSecrets.web.expiresAfter", code: 1 },
  { area: "unknown field", name: "top-level section typo", yaml: `${realtime("")}template:\n  other: {}\n`, field: "template", code: 1 },
  { area: "unknown field", name: "route match typo", yaml: route("{ match: { too: 'sip:*' }, action: reject }"), field: "callRoutes.0.match.too", code: 1 },
  { area: "unknown field", name: "audio output pitch", yaml: realtime("audio: { output: { pitch: 2 } }"), field: "templates.concierge.session.audio.output.pitch", code: 1 },
  // Session type for the endpoint.
  { area: "session type", name: "GA realtime body on the transcription endpoint", yaml: "transcriptionSessions:\n  captions:\n    session: { type: realtime, model: gpt-realtime }\n", field: "transcriptionSessions.captions.session.type", code: 1 },
  { area: "session type", name: "GA audio block on the legacy session endpoint", yaml: "realtimeSessions:\n  legacy:\n    session: { model: gpt-realtime, audio: { output: { voice: marin } } }\n", field: "realtimeSessions.legacy.session.audio", code: 1 },
  { area: "session type", name: "realtime type on a translation secret", yaml: "translationClientSecrets:\n  spanish:\n    session: { type: realtime, model: gpt-realtime-translate }\n", field: "translationClientSecrets.spanish.session.type", code: 1 },
  { area: "session type", name: "translation type on a client secret", yaml: "clientSecrets:\n  web:\n    session: { type: translation, model: gpt-realtime-translate }\n", field: "clientSecrets.web.session.type", code: 1 },
  { area: "session type", name: "model on a transcription session", yaml: template("{ type: transcription, model: gpt-realtime }"), field: "templates.concierge.session.model", code: 1 },
  { area: "session type", name: "translation secret without a model", yaml: "translationClientSecrets:\n  spanish:\n    session: { audio: { output: { language: es } } }\n", field: "translationClientSecrets.spanish.session.model", code: 1 },
  // Dangling template names.
  { area: "reference", name: "client secret names a missing template", yaml: `${realtime("")}clientSecrets:\n  web:\n    template: concierj\n`, field: "clientSecrets.web.template", code: 1 },
  { area: "reference", name: "route names a missing template", yaml: route("{ match: { from: '*' }, action: accept, template: nope }"), field: "callRoutes.0.template", code: 1 },
  { area: "reference", name: "unset environment variable", yaml: realtime("instructions: '${env:POR_SURELY_UNSET_VARIABLE}'"), field: "templates.concierge.session.instructions", code: 1 },
  // Broken YAML.
  { area: "yaml", name: "unclosed flow mapping", yaml: "templates:\n  concierge:\n    session: { type: realtime\n", field: "", code: 2 },
  { area: "yaml", name: "tab indentation", yaml: "templates:\n\tconcierge:\n\t\tsession: {}\n", field: "", code: 2 },
  { area: "yaml", name: "unclosed quote", yaml: "templates:\n  concierge:\n    session: { type: 'realtime }\n", field: "", code: 2 },
  { area: "yaml", name: "duplicate key", yaml: "templates:\n  concierge:\n    session: { type: realtime }\n  concierge:\n    session: { type: realtime }\n", field: "templates.concierge", code: 1 },
];

const realtimeSession = { type: "realtime", model: "gpt-realtime" };

/** Resource arguments the provider's check refuses, one per schema area, with the field it must name. */
export const BAD_RESOURCE_ARGS = [
  { area: "range", kind: "SessionTemplate", args: { session: { ...realtimeSession, audio: { output: { speed: 3 } } } }, field: "session.audio.output.speed" },
  { area: "enum", kind: "SessionTemplate", args: { session: { type: "chat" } }, field: "session.type" },
  { area: "unknown field", kind: "ClientSecret", args: { session: { ...realtimeSession, temperature: 0.8 } }, field: "session.temperature" },
  { area: "type", kind: "ClientSecret", args: { session: realtimeSession, expiresAfterSeconds: "ten" }, field: "expiresAfterSeconds" },
  { area: "session type", kind: "TranscriptionSession", args: { session: { type: "transcription", model: "gpt-realtime" } }, field: "session.type" },
] as const;
