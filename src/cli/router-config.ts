import * as path from "node:path";
import { parseResolvedRoutes } from "../calls/routes";
import { loadRealtimeConfig, type LoadedConfig } from "../config";
import type { RealtimeSessionCreateRequestGA } from "../schemas";
import type { CallRoute } from "../schemas/call-routes";
import { UsageError } from "./command";

const MAX_LISTED = 10;

/** Loads realtime.yaml (plus realtime.d/*.yaml); any problem stops here, listed with file:line:column. */
export function loadConfigFile(flag: string, file: string): LoadedConfig {
  const loaded = loadRealtimeConfig(file);
  if (loaded.problems.length > 0) {
    const listed = loaded.problems
      .slice(0, MAX_LISTED)
      .map((p) => `  ${path.relative(process.cwd(), p.file) || p.file}:${p.line}:${p.column} ${p.message}`);
    const more = loaded.problems.length > MAX_LISTED ? `\n  ... and ${loaded.problems.length - MAX_LISTED} more` : "";
    throw new UsageError(`${flag} ${file} has ${loaded.problems.length} problem(s):\n${listed.join("\n")}${more}`);
  }
  return loaded;
}

/** A template's session as written, checked to be usable for a call (realtime, no stack secrets). */
function templateSession(loaded: LoadedConfig, flag: string, name: string): RealtimeSessionCreateRequestGA {
  const templates = loaded.config.templates ?? {};
  const template = templates[name];
  if (template === undefined) {
    const known = Object.keys(templates);
    throw new UsageError(`${flag}: no template '${name}' in the config (templates: ${known.length > 0 ? known.join(", ") : "none"}).`);
  }
  const session = template.session as { type?: string };
  if (session.type !== "realtime") {
    throw new UsageError(`${flag}: template '${name}' is a '${String(session.type)}' session; a call is accepted with a 'realtime' one.`);
  }
  // ${secret:NAME} is a stack secret; only `pulumi up` can resolve it (use --stack for those routes).
  if (JSON.stringify(session).includes("${secret:")) {
    throw new UsageError(`${flag}: template '${name}' uses a \${secret:...} value, which only the stack resolves; use --stack.`);
  }
  return session as RealtimeSessionCreateRequestGA;
}

/**
 * The `callRoutes` of a realtime.yaml, resolved the way the stack resolves
 * them: an accept route's `template` becomes that template's `session` as
 * written.
 *
 * @throws UsageError listing the config's problems, or naming a missing template.
 * @example
 * const routes = routesFromConfig("realtime.yaml");
 */
export function routesFromConfig(file: string): CallRoute[] {
  const loaded = loadConfigFile("--config", file);
  const routes = (loaded.config.callRoutes ?? []) as CallRoute[];
  if (routes.length === 0) throw new UsageError(`--config ${file} has no callRoutes.`);
  const resolved = routes.map((route, i) => {
    if (route.action !== "accept" || route.template === undefined) return route;
    const { template, ...rest } = route;
    return { ...rest, session: templateSession(loaded, `--config callRoutes[${i}].template`, template) };
  });
  return parseResolvedRoutes(resolved);
}

/**
 * The session of template `name` in a realtime.yaml, for `calls accept --template`.
 *
 * @example
 * const session = templateSessionFromConfig("realtime.yaml", "concierge");
 */
export function templateSessionFromConfig(file: string, name: string): RealtimeSessionCreateRequestGA {
  return templateSession(loadConfigFile("--config", file), "--template", name);
}
