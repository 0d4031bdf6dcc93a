import { z } from "zod";
import { AcceptRoute, ReferRoute, RejectRoute } from "../schemas/call-routes";
import { integer } from "../schemas/kit";
import {
  ClientSecretSession,
  DEFAULT_EXPIRES_AFTER_SECONDS,
  RealtimeSessionArgs,
  SessionTemplateArgs,
  TranscriptionSessionArgs,
  TranslationClientSecretArgs,
} from "../schemas/resource-args";

// The realtime.yaml shape. Entries reuse the resource argument schemas, so a
// file fails here exactly as the resource would fail at `pulumi preview`.
// Only what is YAML's own is declared here: a client secret or an accept
// route may name a template instead of carrying a session.

/** A `clientSecrets` entry: a `template` name or an inline `session`, plus the token's lifetime. */
export const ClientSecretEntry = z
  .strictObject({
    template: z.string().min(1).optional().describe("Name of an entry under `templates` whose effective session the secret is minted for."),
    session: ClientSecretSession.optional(),
    expiresAfterSeconds: integer(10, 7200).optional().describe("Seconds the minted secret lives: 10..7200 (default 600)."),
    rotateBeforeSeconds: integer(0, 7199)
      .optional()
      .describe("`pulumi up` re-mints the secret once it is this close to expiry (default 0)."),
  })
  .superRefine((entry, ctx) => {
    if ((entry.template === undefined) === (entry.session === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: entry.template === undefined ? ["template"] : ["session"],
        params: { code: entry.template === undefined ? "missing_required_parameter" : "invalid_value" },
        message:
          entry.template === undefined
            ? "Missing required parameter: '{path}' (or an inline 'session')."
            : "Invalid '{path}': give either 'template' or 'session', not both.",
      });
    }
    const expires = entry.expiresAfterSeconds ?? DEFAULT_EXPIRES_AFTER_SECONDS;
    const rotate = entry.rotateBeforeSeconds ?? 0;
    if (rotate >= expires) {
      ctx.addIssue({
        code: "custom",
        path: ["rotateBeforeSeconds"],
        input: rotate,
        message: `Invalid '{path}': ${rotate} must be less than expiresAfterSeconds (${expires}), or every update would re-mint the secret.`,
      });
    }
  });
/** A `clientSecrets` entry. */
export type ClientSecretEntry = z.infer<typeof ClientSecretEntry>;

/** An accept route as written in realtime.yaml: `template` or an inline `session`, not both. */
const YamlAcceptRoute = AcceptRoute.superRefine((route, ctx) => {
  if ((route.template === undefined) === (route.session === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: route.template === undefined ? ["template"] : ["session"],
      params: { code: route.template === undefined ? "missing_required_parameter" : "invalid_value" },
      message:
        route.template === undefined
          ? "Missing required parameter: '{path}' (an accept route names a template, or carries an inline 'session')."
          : "Invalid '{path}': give either 'template' or 'session', not both.",
    });
  }
});

/** One `callRoutes` item as written in realtime.yaml. */
export const CallRouteEntry = z.discriminatedUnion("action", [YamlAcceptRoute, ReferRoute, RejectRoute]);
/** One `callRoutes` item as written in realtime.yaml. */
export type CallRouteEntry = z.infer<typeof CallRouteEntry>;

/** Schema of one entry of each keyed section. */
export const ENTRY_SCHEMAS = {
  templates: SessionTemplateArgs,
  clientSecrets: ClientSecretEntry,
  realtimeSessions: RealtimeSessionArgs,
  transcriptionSessions: TranscriptionSessionArgs,
  translationClientSecrets: TranslationClientSecretArgs,
  callRoutes: CallRouteEntry,
} as const;

/** An entry name: what Pulumi accepts in a resource name and a stack output key, kept simple. */
export const ENTRY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const names = z.string().regex(ENTRY_NAME);

/**
 * The whole realtime.yaml file (also each file under realtime.d/). Every
 * section is optional; unknown top-level keys are refused.
 */
export const RealtimeConfigSchema = z
  .strictObject({
    templates: z.record(names, SessionTemplateArgs).optional().describe("Session templates (SessionTemplate), by name."),
    clientSecrets: z.record(names, ClientSecretEntry).optional().describe("Client secrets (ClientSecret), by name."),
    realtimeSessions: z
      .record(names, RealtimeSessionArgs)
      .optional()
      .describe("Legacy sessions (RealtimeSession, POST /realtime/sessions, removed by OpenAI on 2026-05-12), by name."),
    transcriptionSessions: z
      .record(names, TranscriptionSessionArgs)
      .optional()
      .describe(
        "Legacy transcription sessions (TranscriptionSession, POST /realtime/transcription_sessions, removed by OpenAI on 2026-05-12), by name.",
      ),
    translationClientSecrets: z
      .record(names, TranslationClientSecretArgs)
      .optional()
      .describe("Translation client secrets (TranslationClientSecret), by name."),
    callRoutes: z.array(CallRouteEntry).optional().describe("SIP call routes for the router, in order; the first match wins."),
  })
  .describe("realtime.yaml: OpenAI Realtime session templates, client secrets and SIP call routes for pulumi-openai-realtime.");

/** The merged realtime.yaml (valid only when loading found no problem). */
export type RealtimeConfig = z.infer<typeof RealtimeConfigSchema>;

