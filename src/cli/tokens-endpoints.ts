import { readFileSync, statSync } from "node:fs";
import { revisionOf } from "../provider/canonical";
import { parseTokenEndpoints, type TokenEndpoints } from "../token-endpoint/definitions";
import { UsageError } from "./command";
import { loadConfigFile } from "./router-config";
import { stackOutput } from "./router-routes";

/** Where the service's endpoints come from: exactly one of the three. */
export type EndpointSource = { kind: "endpoints" | "config" | "stack"; value: string };

/** A load: the endpoints, and a stamp that changes when their source does. */
export interface LoadedEndpoints {
  endpoints: TokenEndpoints;
  stamp: string;
}

/**
 * Reads an `--endpoints` file: the `tokenEndpoints` output as an object keyed
 * by endpoint name (`pulumi stack output tokenEndpoints --json --show-secrets`),
 * or a whole `pulumi stack output --json` holding a `tokenEndpoints` key.
 */
export function endpointsFromFile(file: string): LoadedEndpoints {
  let text: string;
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--endpoints: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--endpoints: ${file} is not JSON: ${(error as Error).message}`);
  }
  const wrapped = (json as { tokenEndpoints?: unknown } | null)?.tokenEndpoints;
  return { endpoints: parseTokenEndpoints(wrapped ?? json), stamp };
}

/** The stamp of an `--endpoints` file without reading it (unchanged stamp: no reload). */
export function fileStamp(file: string): string {
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.size}`;
}

/**
 * Reads the `tokenEndpoints` output of a stack with the pulumi CLI. Only
 * when the output holds secret values (a session with credentials) is it
 * read again with `--show-secrets`: the service mints with them and keeps
 * them in memory only.
 */
export async function endpointsFromStack(stack: string): Promise<LoadedEndpoints> {
  let json = await stackOutput(stack, false, "tokenEndpoints");
  const plain = JSON.stringify(json);
  if (plain.includes('"[secret]"')) json = await stackOutput(stack, true, "tokenEndpoints");
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new Error(`--stack ${stack}: the stack has no tokenEndpoints object output`);
  }
  return { endpoints: parseTokenEndpoints(json), stamp: JSON.stringify(json) };
}

/**
 * The `tokenEndpoints` of a realtime.yaml (plus realtime.d/*.yaml), resolved
 * as the stack resolves them but from the config as written: each endpoint
 * carries its template's session and that session's revision. A template
 * with a `${secret:...}` value needs the stack (`--stack`).
 *
 * @throws UsageError listing the config's problems, or naming the template that needs the stack.
 */
export function endpointsFromConfig(file: string): LoadedEndpoints {
  const loaded = loadConfigFile("--config", file);
  const entries = loaded.config.tokenEndpoints ?? {};
  if (Object.keys(entries).length === 0) throw new UsageError(`--config ${file} has no tokenEndpoints.`);
  const templates = loaded.config.templates ?? {};
  const resolved = Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => {
      // The loader has checked that the template exists.
      const session = templates[entry.template]!.session;
      if (JSON.stringify(session).includes("${secret:")) {
        throw new UsageError(`--config tokenEndpoints.${name}: template '${entry.template}' uses a \${secret:...} value, which only the stack resolves; use --stack.`);
      }
      return [name, { ...entry, session, revision: revisionOf(session, undefined) }];
    }),
  );
  const endpoints = parseTokenEndpoints(resolved);
  return { endpoints, stamp: JSON.stringify(endpoints) };
}
