import { RealtimeClient } from "../client/client";
import type { TokenEndpoints } from "../token-endpoint/definitions";
import { createTokenHandler, type TokenRequestRecord } from "../token-endpoint/handler";
import { TokenMetrics } from "../token-endpoint/metrics";
import { MemoryRateLimits, type ClientRateLimits } from "../token-endpoint/rate-limits";
import { RedisRateLimits } from "../token-endpoint/redis-rate-limits";
import { startTokenServer } from "../token-endpoint/server";
import { UsageError, waitForStopSignal, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";
import { integer, sourceFlag, storeFlag } from "./router";
import { BearerTokens, JwtVerifier, serviceAuthorize, type AuthSettings } from "./tokens-auth";
import { endpointsFromConfig, endpointsFromFile, endpointsFromStack, fileStamp, type EndpointSource, type LoadedEndpoints } from "./tokens-endpoints";

const FLAGS: FlagSpec = {
  config: "string",
  endpoints: "string",
  stack: "string",
  port: "string",
  host: "string",
  store: "string",
  "auth-tokens-file": "string",
  "jwks-url": "string",
  "jwt-public-key": "string",
  "jwt-issuer": "string",
  "jwt-audience": "string",
  "reload-seconds": "string",
  "max-body-bytes": "string",
  "max-retries": "string",
  help: "boolean",
};

const USAGE = `Usage: pulumi-openai-realtime tokens (--endpoints FILE | --stack ORG/PROJECT/STACK | --config FILE) --port N [flags]

Mints one short-lived ek_ token per request from the declared token
endpoints: POST /tokens/<endpoint> answers 201 {value, expires_at, endpoint,
revision, session} with the endpoint's template session (credentials left
out). 401 without valid credentials, 403 for an undeclared browser origin,
404 for an unknown endpoint, 429 with Retry-After past the client's rate
limit, 502 when the API fails. Prints "listening on http://127.0.0.1:<port>"
when ready; one JSON log line per request on stdout (never a token or key).
GET /healthz and GET /metrics (Prometheus text). SIGTERM/SIGINT stop taking
requests and answer those in flight.

Endpoints (exactly one):
  --endpoints FILE          the tokenEndpoints output as JSON
                            (pulumi stack output tokenEndpoints --json --show-secrets > FILE)
  --stack ORG/PROJECT/STACK the stack's tokenEndpoints output, read with 'pulumi stack output'
  --config FILE             realtime.yaml (plus realtime.d/*.yaml): each endpoint's template
                            session as written (a \${secret:...} value needs --stack)

Flags:
  --port N                  port to listen on; 0 picks a free one (default 0)
  --host H                  interface to bind (default 127.0.0.1)
  --auth-tokens-file F      bearer tokens for 'auth: bearer' endpoints, one per line
                            (# comments), re-read when the file changes
  --jwks-url U              JWKS URL for 'auth: jwt' endpoints
  --jwt-public-key F        PEM public key for 'auth: jwt' endpoints (instead of --jwks-url)
  --jwt-issuer I            required JWT issuer (iss)
  --jwt-audience A          required JWT audience (aud)
  --store URL               'memory' (default) or redis://host:port/db: per-client rate
                            limits shared by every service given the same URL
  --reload-seconds S        re-read the endpoints every S seconds, 0 never (default 30)
  --max-body-bytes N        larger request bodies are refused with 413 (default 16384)
  --max-retries N           retries per mint on API 429, 5xx and network errors (default 2)
  --help                    show this help

Environment: OPENAI_API_KEY, OPENAI_BASE_URL.

Examples:
  pulumi-openai-realtime tokens --endpoints endpoints.json --port 8788 --auth-tokens-file tokens.txt
  pulumi-openai-realtime tokens --endpoints endpoints.json --port 8788 --jwt-public-key jwt-public.pem --jwt-issuer https://auth.example.com --jwt-audience tokens
  pulumi-openai-realtime tokens --config realtime.yaml --port 8788 --auth-tokens-file tokens.txt
  pulumi-openai-realtime tokens --stack organization/realtime/dev --port 8788 --auth-tokens-file tokens.txt --store redis://127.0.0.1:6379
`;

/** Parsed `tokens` flags. */
export interface TokensArgs {
  source: EndpointSource;
  port: number;
  host: string;
  store: string | undefined;
  authTokensFile: string | undefined;
  jwt: { jwksUrl?: string | undefined; publicKeyFile?: string | undefined; issuer?: string | undefined; audience?: string | undefined } | undefined;
  reloadSeconds: number;
  maxBodyBytes: number;
  maxRetries: number;
}

/**
 * Turns `tokens` flags into settings; throws `UsageError` naming the flag.
 *
 * @example
 * parseTokensArgs(["--endpoints", "endpoints.json", "--port", "8788"]).source // { kind: "endpoints", value: "endpoints.json" }
 */
export function parseTokensArgs(argv: readonly string[]): TokensArgs | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values["help"] === true) return "help";
  const source = sourceFlag(values, ["endpoints", "stack", "config"] as const);
  const store = storeFlag(values);
  const jwksUrl = values["jwks-url"] as string | undefined;
  const publicKeyFile = values["jwt-public-key"] as string | undefined;
  if (jwksUrl !== undefined && publicKeyFile !== undefined) throw new UsageError("give one of --jwks-url and --jwt-public-key, not both.");
  if (jwksUrl !== undefined && !(URL.canParse(jwksUrl) && /^https?:$/.test(new URL(jwksUrl).protocol))) {
    throw new UsageError(`--jwks-url must be an http(s) URL (got '${jwksUrl}').`);
  }
  const issuer = values["jwt-issuer"] as string | undefined;
  const audience = values["jwt-audience"] as string | undefined;
  if ((issuer !== undefined || audience !== undefined) && jwksUrl === undefined && publicKeyFile === undefined) {
    throw new UsageError("--jwt-issuer and --jwt-audience need --jwks-url or --jwt-public-key.");
  }
  return {
    source,
    port: integer("port", values["port"], 0, 0, 65535),
    host: (values["host"] as string | undefined) ?? "127.0.0.1",
    store,
    authTokensFile: values["auth-tokens-file"] as string | undefined,
    jwt: jwksUrl !== undefined || publicKeyFile !== undefined ? { jwksUrl, publicKeyFile, issuer, audience } : undefined,
    reloadSeconds: integer("reload-seconds", values["reload-seconds"], 30, 0, 86_400),
    maxBodyBytes: integer("max-body-bytes", values["max-body-bytes"], 16_384, 256, 1024 * 1024),
    maxRetries: integer("max-retries", values["max-retries"], 2, 0, 20),
  };
}

async function load(source: EndpointSource): Promise<LoadedEndpoints> {
  switch (source.kind) {
    case "endpoints":
      return endpointsFromFile(source.value);
    case "stack":
      return endpointsFromStack(source.value);
    case "config":
      return endpointsFromConfig(source.value);
  }
}

/** Endpoints whose kind of auth the service was not given (they would answer 401 to everyone). */
function unservable(endpoints: TokenEndpoints, auth: AuthSettings): string[] {
  return Object.entries(endpoints)
    .filter(([, e]) => (e.auth === "bearer" && auth.bearer === undefined) || (e.auth === "jwt" && auth.jwt === undefined))
    .map(([name, e]) => `'${name}' (auth: ${e.auth}: give ${e.auth === "bearer" ? "--auth-tokens-file" : "--jwks-url or --jwt-public-key"})`);
}

/** One log line: a record without undefined fields, after the time. */
function line(record: Record<string, unknown>): string {
  return `${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`;
}

/**
 * The service's log: lines are written together once per turn of the event
 * loop, so a burst of mints costs one write and no answer waits for one.
 * `flush` writes what is pending now (before the lines of a shutdown).
 */
function lineLog(io: CliIo): { (record: Record<string, unknown>): void; flush(): void } {
  let pending = "";
  const flush = (): void => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    io.stdout(text);
  };
  const log = (record: Record<string, unknown>): void => {
    if (pending === "") setImmediate(flush);
    pending += line(record);
  };
  return Object.assign(log, { flush });
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseTokensArgs(argv);
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const auth: AuthSettings = {
    bearer: args.authTokensFile !== undefined ? new BearerTokens(args.authTokensFile) : undefined,
    jwt: args.jwt !== undefined ? new JwtVerifier(args.jwt) : undefined,
  };
  let loaded = await load(args.source);
  const missing = unservable(loaded.endpoints, auth);
  if (missing.length > 0 && missing.length === Object.keys(loaded.endpoints).length) {
    throw new UsageError(`every endpoint needs an auth this service was not given: ${missing.join(", ")}.`);
  }
  if (missing.length > 0) io.stderr(`pulumi-openai-realtime tokens: warning: these endpoints will answer 401 to every request: ${missing.join(", ")}\n`);

  // Sessions are checked against the schema when the endpoints are loaded; not again per mint.
  const client = new RealtimeClient({ maxRetries: args.maxRetries, timeout: 15_000, validateRequests: false });
  const metrics = new TokenMetrics();
  const log = lineLog(io);
  const rateLimits: ClientRateLimits = args.store === undefined || args.store === "memory" ? new MemoryRateLimits() : await RedisRateLimits.connect(args.store);
  const handler = createTokenHandler({
    endpoints: () => loaded.endpoints,
    client,
    authorize: serviceAuthorize(auth),
    rateLimits,
    maxBodyBytes: args.maxBodyBytes,
    onRequest: (record: TokenRequestRecord) => {
      metrics.record(record);
      log({ event: "token", ...record, durationMs: Math.round(record.durationMs * 1000) / 1000 });
    },
  });

  let reloading = false;
  const reload = async (): Promise<void> => {
    if (reloading) return;
    reloading = true;
    try {
      if (args.source.kind === "endpoints" && fileStamp(args.source.value) === loaded.stamp) return metrics.reload("unchanged");
      const next = await load(args.source);
      if (next.stamp === loaded.stamp) return metrics.reload("unchanged");
      const changed = Object.keys({ ...loaded.endpoints, ...next.endpoints }).filter(
        (name) => JSON.stringify(loaded.endpoints[name]) !== JSON.stringify(next.endpoints[name]),
      );
      loaded = next;
      metrics.reload("changed");
      const unserved = unservable(next.endpoints, auth);
      log({ event: "reload", endpoints: Object.keys(next.endpoints), changed, ...(unserved.length > 0 ? { unservable: unserved } : {}) });
    } catch (error) {
      metrics.reload("failed");
      log({ event: "reload_failed", message: (error as Error).message });
    } finally {
      reloading = false;
    }
  };
  const timer = args.reloadSeconds > 0 ? setInterval(() => void reload(), args.reloadSeconds * 1000) : undefined;

  const stopped = waitForStopSignal();
  let running;
  try {
    running = await startTokenServer({
      handler,
      metrics,
      rateLimits,
      endpointCount: () => Object.keys(loaded.endpoints).length,
      port: args.port,
      host: args.host,
      maxBodyBytes: args.maxBodyBytes,
    });
  } catch (error) {
    clearInterval(timer);
    await rateLimits.close();
    await client.close();
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`pulumi-openai-realtime tokens: cannot listen on ${args.host}:${args.port}: ${code ?? (error as Error).message}\n`);
    return 1;
  }
  log.flush();
  io.stdout(`listening on ${running.url}\n`);
  const signal = await stopped;
  clearInterval(timer);
  log({ event: "shutdown", signal, inFlight: running.inFlight });
  log.flush();
  await running.close();
  await client.close();
  log({ event: "stopped", minted: metrics.minted });
  log.flush();
  return 0;
}

/** `pulumi-openai-realtime tokens`: the token service. */
export const tokensCommand: Command = {
  usage: USAGE,
  run,
};
