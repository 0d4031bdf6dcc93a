import { z } from "zod";
import { AcceptRoute, ReferRoute, RejectRoute } from "../schemas/call-routes";
import { describeValue, joinValues } from "../schemas/issue-text";
import { integer } from "../schemas/kit";
import { DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS, TokenEndpointAuth, TokenEndpointDefinition } from "../token-endpoint/definitions";
import {
  ClientSecretSession,
  RealtimeSessionArgs,
  rotateBeforeExpiry,
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
    rotateBeforeExpiry(entry, ctx);
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

// What the JSON Schema says of an origin; the loader's own check below is
// the URL parser's, which also explains a near miss.
const ORIGIN_PATTERN = "^(\\*|https?://(\\[[0-9a-f:.]+\\]|[a-z0-9-]+(\\.[a-z0-9-]+)*)(:[0-9]{1,5})?)$";

/**
 * Why `value` is not an origin a browser sends (`https://app.example.com`,
 * `http://localhost:5173`), or undefined when it is one or the wildcard `*`.
 * Only http(s) origins: what the token service's CORS answers.
 *
 * @example
 * originProblem("https://app.example.com/"); // "Browsers send this origin as 'https://app.example.com'; ..."
 */
export function originProblem(value: string): string | undefined {
  if (value === "*") return undefined;
  const expected = "Expected an origin 'http(s)://host[:port]' such as 'https://app.example.com', or '*'.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return expected;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !/^https?:\/\//i.test(value)) return expected;
  // The URL parser lets `*` and a few other characters into a host; no browser sends them.
  if (!/^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)) return `${expected} A host is one name, without wildcards.`;
  if (url.origin === value) return undefined;
  const bare = url.pathname === "/" && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
  if (!bare) return `An origin has no path, query or credentials. ${expected}`;
  // Only the spelling differs from the header: case, a default port or a trailing '/'.
  return `Browsers send this origin as '${url.origin}'; write it that way.`;
}

const Origin = z
  .string()
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem !== undefined) {
      ctx.addIssue({ code: "custom", input: value, message: `Invalid value for '{path}': ${describeValue(value)}. ${problem}` });
    }
  })
  .meta({ pattern: ORIGIN_PATTERN })
  .describe("A browser origin, 'http(s)://host[:port]' without a path (e.g. 'https://app.example.com'), or '*' for any.");

/**
 * A `tokenEndpoints` entry: the `tokenEndpoints` output's shape (src/token-endpoint) without what
 * `pulumi up` adds (`revision`, `session`), with `auth` required (no silent default for who may
 * mint) and origins spelled as browsers send them.
 */
export const TokenEndpointEntry = TokenEndpointDefinition.omit({ revision: true, session: true }).extend({
  template: TokenEndpointDefinition.shape.template.describe(
    "Name of an entry under `templates` whose effective session each token is minted for.",
  ),
  expiresAfterSeconds: TokenEndpointDefinition.shape.expiresAfterSeconds.describe(
    `Seconds each minted token lives: 10..7200 (default ${DEFAULT_TOKEN_EXPIRES_AFTER_SECONDS}).`,
  ),
  allowedOrigins: z
    .array(Origin)
    .optional()
    .describe("Browser origins allowed to call the endpoint (CORS); absent or empty: no browser origin."),
  rateLimit: TokenEndpointDefinition.shape.rateLimit.describe(
    "Per-client limit (by authenticated subject, else address): `perMinute` sustained, `burst` at once (default perMinute); absent: no limit.",
  ),
  auth: TokenEndpointAuth.describe(
    "How callers authenticate: 'bearer' (tokens from a file), 'jwt' (verified tokens) or 'none' (anyone; must be written).",
  ),
});
/** A `tokenEndpoints` entry, with its defaults filled in. */
export type TokenEndpointEntry = z.infer<typeof TokenEndpointEntry>;

/** Appended to the message of a missing `auth`, which has no default on purpose. */
export const MISSING_AUTH_HINT = `Supported values are: ${joinValues(TokenEndpointAuth.options)} (write 'none' to let anyone mint tokens).`;

/** Schema of one entry of each keyed section. */
export const ENTRY_SCHEMAS = {
  templates: SessionTemplateArgs,
  clientSecrets: ClientSecretEntry,
  realtimeSessions: RealtimeSessionArgs,
  transcriptionSessions: TranscriptionSessionArgs,
  translationClientSecrets: TranslationClientSecretArgs,
  tokenEndpoints: TokenEndpointEntry,
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
    tokenEndpoints: z
      .record(names, TokenEndpointEntry)
      .optional()
      .describe("Token endpoints (the `tokens` service mints one token per request from a template), by name."),
    callRoutes: z.array(CallRouteEntry).optional().describe("SIP call routes for the router, in order; the first match wins."),
  })
  .describe(
    "realtime.yaml: OpenAI Realtime session templates, client secrets, token endpoints and SIP call routes for pulumi-openai-realtime.",
  );

/** The merged realtime.yaml (valid only when loading found no problem). */
export type RealtimeConfig = z.infer<typeof RealtimeConfigSchema>;

