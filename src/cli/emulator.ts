import { startEmulator, type EmulatorOptions } from "../emulator";
import { isWebhookSecret } from "../emulator/options";
import { UsageError, waitForStopSignal, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";

const FLAGS: FlagSpec = {
  port: "string",
  host: "string",
  "api-key": "string",
  "webhook-url": "string",
  "webhook-secret": "string",
  "latency-ms": "string",
  "fault-rate": "string",
  "fault-status": "string",
  help: "boolean",
};

const USAGE = `Usage: pulumi-openai-realtime emulator [flags]

Serves a local Realtime REST API at http://127.0.0.1:<port>/v1 and prints
"listening on http://127.0.0.1:<port>/v1" when ready. Stops on SIGINT/SIGTERM.

Flags:
  --port N              port to listen on; 0 picks a free one (default 0)
  --host H              interface to bind (default 127.0.0.1)
  --api-key K           accept only this key (default: any sk-... key)
  --webhook-url U       deliver realtime.call.incoming webhooks here
  --webhook-secret S    whsec_... secret to sign them with (with --webhook-url)
  --latency-ms M        delay every API response by M milliseconds
  --fault-rate R        fail each API request with probability R (0..1)
  --fault-status LIST   statuses failures are drawn from, e.g. 429,503 (default 429)
  --help                show this help

Admin routes (no auth) under /_emulator/: GET requests, GET stats,
POST calls/incoming, GET calls/{id}, POST faults, POST reset.
`;

function integerFlag(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(Number.isSafeInteger(value) && value >= min && value <= max)) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got '${raw}').`);
  }
  return value;
}

function string(values: Record<string, string | true>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Turns `emulator` flags into emulator options. Throws `UsageError` naming
 * the flag and its allowed values; secret values are never echoed.
 *
 * @example
 * parseEmulatorArgs(["--port", "0", "--fault-rate", "0.1", "--fault-status", "429,503"])
 * // { port: 0, faultRate: 0.1, faultStatuses: [429, 503] }
 */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorOptions & { help?: true } {
  const values = parseFlags(argv, FLAGS);
  if (values["help"] === true) return { help: true };
  const options: EmulatorOptions = {};
  const port = string(values, "port");
  if (port !== undefined) options.port = integerFlag("port", port, 0, 65535);
  const host = string(values, "host");
  if (host !== undefined) {
    if (host === "") throw new UsageError("--host must not be empty.");
    options.host = host;
  }
  const apiKey = string(values, "api-key");
  if (apiKey !== undefined) {
    if (apiKey.trim() === "") throw new UsageError("--api-key must not be empty.");
    options.apiKey = apiKey;
  }
  const webhookUrl = string(values, "webhook-url");
  const webhookSecret = string(values, "webhook-secret");
  if ((webhookUrl === undefined) !== (webhookSecret === undefined)) {
    throw new UsageError("--webhook-url and --webhook-secret must be given together.");
  }
  if (webhookUrl !== undefined && webhookSecret !== undefined) {
    if (!/^https?:\/\//.test(webhookUrl) || !URL.canParse(webhookUrl)) {
      throw new UsageError(`--webhook-url must be an http:// or https:// URL (got '${webhookUrl}').`);
    }
    if (!isWebhookSecret(webhookSecret)) throw new UsageError("--webhook-secret must be 'whsec_' followed by a base64 key.");
    options.webhookUrl = webhookUrl;
    options.webhookSecret = webhookSecret;
  }
  const latency = string(values, "latency-ms");
  if (latency !== undefined) options.latencyMs = integerFlag("latency-ms", latency, 0, 60_000);
  const rate = string(values, "fault-rate");
  if (rate !== undefined) {
    const value = rate.trim() === "" ? Number.NaN : Number(rate);
    if (!(value >= 0 && value <= 1)) throw new UsageError(`--fault-rate must be a number from 0 to 1 (got '${rate}').`);
    options.faultRate = value;
  }
  const statuses = string(values, "fault-status");
  if (statuses !== undefined) {
    options.faultStatuses = statuses.split(",").map((part) => {
      const value = /^\d{3}$/.test(part.trim()) ? Number(part.trim()) : Number.NaN;
      if (!(value >= 400 && value <= 599)) {
        throw new UsageError(
          `--fault-status must be comma-separated HTTP statuses from 400 to 599, e.g. 429,503 (got '${statuses}').`,
        );
      }
      return value;
    });
  }
  return options;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseEmulatorArgs(argv);
  if ("help" in options) {
    io.stdout(USAGE);
    return 0;
  }
  // Listen for signals before announcing readiness: a supervisor may stop us right after the line.
  const stopped = waitForStopSignal();
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host ?? "127.0.0.1"}:${options.port ?? 0}`;
    io.stderr(`pulumi-openai-realtime emulator: cannot listen on ${where}: ${code ?? (error as Error).message}\n`);
    return 1;
  }
  io.stdout(`listening on ${emulator.url}\n`);
  await stopped;
  await emulator.close();
  return 0;
}

/** `pulumi-openai-realtime emulator`: the local Realtime API. */
export const emulatorCommand: Command = {
  usage: USAGE,
  run,
};
