import { RealtimeClient } from "../client/client";
import { openStore, redactUrl } from "../calls/redis-store";
import { CallRouter, type LogRecord } from "../calls/router";
import { WebhookSecrets } from "../calls/secrets";
import { startRouterServer } from "../calls/server";
import type { CallRoute } from "../schemas/call-routes";
import { UsageError, waitForStopSignal, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";
import { routesFromConfig } from "./router-config";
import { routesFromFile, routesFromStack } from "./router-routes";

const FLAGS: FlagSpec = {
  config: "string",
  routes: "string",
  stack: "string",
  port: "string",
  host: "string",
  store: "string",
  "webhook-secret-file": "string",
  "max-body-bytes": "string",
  "max-retries": "string",
  "store-timeout-ms": "string",
  "drain-seconds": "string",
  "max-connections": "string",
  help: "boolean",
};

const USAGE = `Usage: pulumi-openai-realtime router (--config FILE | --routes FILE | --stack ORG/PROJECT/STACK) --port N [flags]

Answers SIP calls from declared routes: takes OpenAI's signed
realtime.call.incoming webhooks on POST /webhook, acknowledges them, then
accepts, refers or rejects each call as the first matching route says, and
hangs it up at the route's maxDurationSeconds. Prints
"listening on http://127.0.0.1:<port>" when ready; one JSON log line per
decision on stdout. GET /healthz and GET /metrics (Prometheus text).
SIGTERM/SIGINT answer new webhooks 503 and finish the deliveries and actions
in flight (at most --drain-seconds), then exit.

Routes (exactly one):
  --config FILE             realtime.yaml (plus realtime.d/*.yaml); accept routes name a template
  --routes FILE             JSON list of resolved routes (accept routes carry session)
  --stack ORG/PROJECT/STACK the stack's callRoutes output, read with 'pulumi stack output'

Flags:
  --port N                  port to listen on; 0 picks a free one (default 0)
  --host H                  interface to bind (default 127.0.0.1)
  --store URL               'memory' (default) or redis://host:port/db, shared by several routers
  --webhook-secret-file F   file of webhook secrets (whsec_... or bare base64, one per line, # comments),
                            re-read when it changes; replaces OPENAI_WEBHOOK_SECRET
  --max-body-bytes N        larger webhook bodies are refused with 413 (default 65536)
  --max-retries N           retries per API call on 429, 5xx and network errors (default 4)
  --store-timeout-ms N      a store call taking longer fails; the delivery is answered 503 (default 2000)
  --drain-seconds N         on SIGTERM, how long to wait for deliveries and actions in flight (default 25)
  --max-connections N       connections held at once; more are closed as they open (default 1024)
  --help                    show this help

Environment: OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_WEBHOOK_SECRET
(comma-separated during a rotation: old,new).

Examples:
  pulumi-openai-realtime router --routes routes.json --port 8787
  pulumi-openai-realtime router --config realtime.yaml --port 8787
  pulumi-openai-realtime router --stack organization/sip-concierge/dev --port 8787 --store redis://127.0.0.1:6379
`;

/** Parsed `router` flags. */
export interface RouterArgs {
  source: { kind: "routes" | "config" | "stack"; value: string };
  port: number;
  host: string;
  store: string | undefined;
  secretFile: string | undefined;
  maxBodyBytes: number;
  maxRetries: number;
  storeTimeoutMs: number;
  drainSeconds: number;
  maxConnections: number;
}

/** A whole-number flag within bounds; throws `UsageError` naming it. */
export function integer(name: string, raw: string | true | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got '${String(raw)}').`);
  }
  return value;
}

/**
 * The one source flag given among `kinds` (a `--stack` checked to be
 * ORG/PROJECT/STACK); throws `UsageError` naming them otherwise.
 */
export function sourceFlag<K extends string>(values: Record<string, string | true>, kinds: readonly K[]): { kind: K; value: string } {
  const sources = kinds.filter((k) => values[k] !== undefined);
  if (sources.length !== 1) {
    const given = sources.length === 0 ? "none" : sources.map((s) => `--${s}`).join(", ");
    throw new UsageError(`give exactly one of ${kinds.map((k) => `--${k}`).join(", ")} (got ${given}).`);
  }
  const kind = sources[0]!;
  const value = values[kind] as string;
  if (kind === "stack" && !/^[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(value)) {
    throw new UsageError(`--stack must be a fully qualified stack name ORG/PROJECT/STACK (got '${value}').`);
  }
  return { kind, value };
}

/** `--store`: 'memory', a redis:// or rediss:// URL, or absent; throws `UsageError` (never repeating a password). */
export function storeFlag(values: Record<string, string | true>): string | undefined {
  const store = values["store"] as string | undefined;
  if (store !== undefined && store !== "memory" && !(/^rediss?:\/\//.test(store) && URL.canParse(store))) {
    throw new UsageError(`--store must be 'memory' or a redis:// or rediss:// URL (got '${redactUrl(store)}').`);
  }
  return store;
}

/**
 * Turns `router` flags into settings; throws `UsageError` naming the flag.
 *
 * @example
 * parseRouterArgs(["--routes", "routes.json", "--port", "8787"]).source // { kind: "routes", value: "routes.json" }
 */
export function parseRouterArgs(argv: readonly string[]): RouterArgs | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values["help"] === true) return "help";
  const { kind, value } = sourceFlag(values, ["config", "routes", "stack"] as const);
  const store = storeFlag(values);
  return {
    source: { kind, value },
    port: integer("port", values["port"], 0, 0, 65535),
    host: (values["host"] as string | undefined) ?? "127.0.0.1",
    store,
    secretFile: values["webhook-secret-file"] as string | undefined,
    maxBodyBytes: integer("max-body-bytes", values["max-body-bytes"], 65_536, 1024, 16 * 1024 * 1024),
    maxRetries: integer("max-retries", values["max-retries"], 4, 0, 20),
    storeTimeoutMs: integer("store-timeout-ms", values["store-timeout-ms"], 2_000, 50, 60_000),
    drainSeconds: integer("drain-seconds", values["drain-seconds"], 25, 1, 3_600),
    maxConnections: integer("max-connections", values["max-connections"], 1024, 1, 65_536),
  };
}

async function loadRoutes(source: RouterArgs["source"]): Promise<CallRoute[]> {
  switch (source.kind) {
    case "routes":
      return routesFromFile(source.value);
    case "stack":
      return routesFromStack(source.value);
    case "config":
      return routesFromConfig(source.value);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseRouterArgs(argv);
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const log = (record: LogRecord): void => io.stdout(`${JSON.stringify(record)}\n`);
  const secrets = new WebhookSecrets({ file: args.secretFile, log });
  if (args.secretFile !== undefined && (process.env["OPENAI_WEBHOOK_SECRET"] ?? "") !== "") {
    log({ time: new Date().toISOString(), event: "secret_env_ignored", detail: "OPENAI_WEBHOOK_SECRET is not used: --webhook-secret-file is the only source of webhook secrets" });
  }
  const routes = await loadRoutes(args.source);
  const client = new RealtimeClient();
  const store = await openStore(args.store, { commandTimeoutMs: args.storeTimeoutMs });
  const router = new CallRouter({
    routes,
    client,
    store,
    secrets: () => secrets.current(),
    log,
    retry: { maxRetries: args.maxRetries },
    drainTimeoutMs: args.drainSeconds * 1000,
  });
  const stopped = waitForStopSignal();
  let running;
  try {
    running = await startRouterServer({
      router,
      store,
      port: args.port,
      host: args.host,
      maxBodyBytes: args.maxBodyBytes,
      maxConnections: args.maxConnections,
    });
  } catch (error) {
    await store.close();
    await client.close();
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`pulumi-openai-realtime router: cannot listen on ${args.host}:${args.port}: ${code ?? (error as Error).message}\n`);
    return 1;
  }
  io.stdout(`listening on ${running.url}\n`);
  const signal = await stopped;
  io.stdout(`${JSON.stringify({ time: new Date().toISOString(), event: "shutdown", signal, inFlight: router.inFlight })}\n`);
  await running.close();
  await client.close();
  io.stdout(`${JSON.stringify({ time: new Date().toISOString(), event: "stopped", decisions: router.metrics.decisions })}\n`);
  return 0;
}

/** `pulumi-openai-realtime router`: the SIP call router. */
export const routerCommand: Command = {
  usage: USAGE,
  run,
};
