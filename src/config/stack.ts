import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, RealtimeSession, SessionTemplate, TranscriptionSession, TranslationClientSecret } from "../resources";
import type { ClientSecretSession, OnExpiry } from "../schemas/resource-args";
import { formatProblem } from "./format";
import { loadRealtimeConfig } from "./load";
import type { RealtimeConfig, TokenEndpointEntry } from "./schema";
import { resolveSecrets } from "./secrets";
import { DEFAULT_CONFIG_FILE } from "./source";
import { CONFIG_FILE_KEY } from "./file-key";

export { CONFIG_FILE_KEY };

/** Outputs of a template, as the `templates` stack output holds them. */
export interface TemplateOutputs {
  session: pulumi.Output<ClientSecretSession>;
  model: pulumi.Output<string>;
  revision: pulumi.Output<string>;
}
/** Outputs of a minted secret; `value` is secret. */
export interface SecretOutputs {
  value: pulumi.Output<string>;
  expiresAt: pulumi.Output<number>;
  sessionId: pulumi.Output<string>;
}
/** Outputs of a legacy session; `clientSecret` is secret. */
export interface SessionOutputs {
  sessionId: pulumi.Output<string>;
  clientSecret: pulumi.Output<string>;
  expiresAt: pulumi.Output<number>;
}

/**
 * A token endpoint as the `tokenEndpoints` stack output holds it: the entry
 * as declared (defaults filled in) with its template's effective `session`
 * (secret when the template carries credentials) and `revision`.
 */
export type TokenEndpointOutputs = TokenEndpointEntry & {
  revision: pulumi.Output<string>;
  session: pulumi.Output<ClientSecretSession>;
};

/** One stack output per realtime.yaml section, each keyed by entry name. */
export interface RealtimeStackOutputs {
  templates: Record<string, TemplateOutputs>;
  clientSecrets: Record<string, SecretOutputs>;
  realtimeSessions: Record<string, SessionOutputs>;
  transcriptionSessions: Record<string, SessionOutputs>;
  translationClientSecrets: Record<string, SecretOutputs>;
  /** What the `tokens` service serves; the policy pack judges the declarations here. */
  tokenEndpoints: Record<string, TokenEndpointOutputs>;
  /** The routes in order; an accept route naming a template also carries the template's effective `session`. */
  callRoutes: pulumi.Output<unknown[]>;
}

// Only the lifetimes that are set: the resources apply the API's defaults.
const lifetime = (entry: { expiresAfterSeconds?: number | undefined; rotateBeforeSeconds?: number | undefined; onExpiry?: OnExpiry | undefined }) => ({
  ...(entry.expiresAfterSeconds !== undefined ? { expiresAfterSeconds: entry.expiresAfterSeconds } : {}),
  ...(entry.rotateBeforeSeconds !== undefined ? { rotateBeforeSeconds: entry.rotateBeforeSeconds } : {}),
  ...(entry.onExpiry !== undefined ? { onExpiry: entry.onExpiry } : {}),
});

const minted = (secret: ClientSecret | TranslationClientSecret): SecretOutputs => ({
  value: secret.value,
  expiresAt: secret.expiresAt,
  sessionId: secret.sessionId,
});
const session = (s: RealtimeSession | TranscriptionSession): SessionOutputs => ({
  sessionId: s.sessionId,
  clientSecret: s.clientSecret,
  expiresAt: s.expiresAt,
});

/**
 * Creates the resources of a loaded, valid realtime.yaml and returns the
 * stack outputs. `${secret:NAME}` values are read from the stack config.
 *
 * @example
 * const loaded = loadRealtimeConfig("realtime.yaml");
 * export const { templates, clientSecrets } = deployRealtimeConfig(loaded.config);
 */
export function deployRealtimeConfig(config: RealtimeConfig, opts?: pulumi.CustomResourceOptions): RealtimeStackOutputs {
  const templates = new Map<string, SessionTemplate>();
  for (const [name, entry] of Object.entries(config.templates ?? {})) {
    templates.set(name, new SessionTemplate(name, { session: resolveSecrets(entry.session) }, opts));
  }
  const template = (name: string): SessionTemplate => {
    const found = templates.get(name);
    if (!found) throw new pulumi.RunError(`Unknown template '${name}'.`);
    return found;
  };
  const templateSession = (name: string): pulumi.Output<ClientSecretSession> => template(name).session;
  const clientSecrets = Object.entries(config.clientSecrets ?? {}).map(([name, entry]) => {
    const secret = new ClientSecret(
      name,
      {
        session: entry.template !== undefined ? templateSession(entry.template) : resolveSecrets(entry.session as ClientSecretSession),
        ...lifetime(entry),
      },
      opts,
    );
    return [name, minted(secret)] as const;
  });
  const realtimeSessions = Object.entries(config.realtimeSessions ?? {}).map(
    ([name, entry]) => [name, session(new RealtimeSession(name, { ...(entry.session ? { session: resolveSecrets(entry.session) } : {}), ...lifetime(entry) }, opts))] as const,
  );
  const transcriptionSessions = Object.entries(config.transcriptionSessions ?? {}).map(
    ([name, entry]) =>
      [name, session(new TranscriptionSession(name, { ...(entry.session ? { session: resolveSecrets(entry.session) } : {}), ...lifetime(entry) }, opts))] as const,
  );
  const translationClientSecrets = Object.entries(config.translationClientSecrets ?? {}).map(([name, entry]) => {
    const secret = new TranslationClientSecret(name, { session: resolveSecrets(entry.session), ...lifetime(entry) }, opts);
    return [name, minted(secret)] as const;
  });
  // A plain object per endpoint, so only `session` and `revision` are
  // outputs: the declarations stay readable (and known at preview) for the
  // policy pack's stack check, and a secret session does not hide them.
  const tokenEndpoints = Object.entries(config.tokenEndpoints ?? {}).map(([name, entry]) => {
    const { revision, session: effective } = template(entry.template);
    const { template: templateName, ...rest } = entry;
    return [name, { template: templateName, revision, session: effective, ...rest }] as const;
  });
  const callRoutes = pulumi.output(
    (config.callRoutes ?? []).map((route) =>
      route.action === "accept" && route.template !== undefined
        ? { ...route, session: templateSession(route.template) }
        : // An inline session's `${secret:NAME}` is read like a template's (and makes the output secret).
          "session" in route && route.session !== undefined
          ? { ...route, session: resolveSecrets(route.session) }
          : route,
    ),
  ) as pulumi.Output<unknown[]>;
  return {
    templates: Object.fromEntries(
      [...templates].map(([name, t]) => [name, { session: t.session, model: t.model, revision: t.revision }]),
    ),
    clientSecrets: Object.fromEntries(clientSecrets),
    realtimeSessions: Object.fromEntries(realtimeSessions),
    transcriptionSessions: Object.fromEntries(transcriptionSessions),
    translationClientSecrets: Object.fromEntries(translationClientSecrets),
    tokenEndpoints: Object.fromEntries(tokenEndpoints),
    callRoutes,
  };
}

/**
 * The whole program of a realtime.yaml project: loads the file named by the
 * stack config `openai-realtime:configFile` (default `realtime.yaml`, beside
 * `Pulumi.yaml`) with its `realtime.d/`, fails the update listing every
 * problem with its position, and otherwise deploys it.
 *
 * @example
 * // index.ts of a Pulumi project
 * import { realtimeStack } from "pulumi-openai-realtime";
 * export = realtimeStack();
 */
export function realtimeStack(options: { configFile?: string } = {}): RealtimeStackOutputs {
  const [namespace = "", key = ""] = CONFIG_FILE_KEY.split(":");
  const file = options.configFile ?? new pulumi.Config(namespace).get(key) ?? DEFAULT_CONFIG_FILE;
  // The program may live in node_modules (a realtime.yaml-only project), so
  // paths are relative to the project, not to the program.
  const root = pulumi.getRootDirectory();
  const loaded = loadRealtimeConfig(path.resolve(root, file));
  if (loaded.problems.length > 0) {
    const lines = loaded.problems.map((problem) => `  ${formatProblem(problem, root)}`);
    throw new pulumi.RunError(`${file} has ${loaded.problems.length} problem(s):\n${lines.join("\n")}`);
  }
  return deployRealtimeConfig(loaded.config);
}
