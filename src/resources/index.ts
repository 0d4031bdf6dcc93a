export { SessionTemplate, type SessionTemplateArgs } from "./session-template";
export { ClientSecret, type ClientSecretArgs } from "./client-secret";
export { RealtimeSession, type RealtimeSessionArgs } from "./realtime-session";
export { TranscriptionSession, type TranscriptionSessionArgs } from "./transcription-session";
export { TranslationClientSecret, type TranslationClientSecretArgs } from "./translation-client-secret";
