import type { ResourceKind } from "../../tokens";
import { clientSecret } from "./client-secret";
import { realtimeSession } from "./realtime-session";
import { sessionTemplate } from "./session-template";
import type { KindSpec } from "./spec";
import { transcriptionSession } from "./transcription-session";
import { translationClientSecret } from "./translation-client-secret";

/** Every resource kind's spec, by class name. */
export const KINDS: Readonly<Record<ResourceKind, KindSpec>> = {
  SessionTemplate: sessionTemplate,
  ClientSecret: clientSecret,
  RealtimeSession: realtimeSession,
  TranscriptionSession: transcriptionSession,
  TranslationClientSecret: translationClientSecret,
};

export type { KindSpec, Minted } from "./spec";
