import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { nowSeconds } from "../provider/clock";
import { isDue } from "../provider/handlers";
import { isoTime } from "../provider/reasons";
import { EXPIRING_KINDS, TYPE_TOKENS, type ResourceKind } from "../tokens";
import { UsageError, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";

const execFileAsync = promisify(execFile);

/** Exit code when at least one token is at its rotation point: a scheduler runs `pulumi up`. */
export const EXIT_DUE = 3;

const FLAGS: FlagSpec = { stack: "string", json: "boolean", help: "boolean" };

const USAGE = `Usage: pulumi-openai-realtime due --stack ORG/PROJECT/STACK [--json]

Says when the stack's minted tokens (ClientSecret, TranslationClientSecret,
RealtimeSession, TranscriptionSession) next need a 'pulumi up': each one's
rotation point is expiresAt - rotateBeforeSeconds, the moment from which
'pulumi preview' plans to re-mint it. Reads the stack's state with
'pulumi stack export' (no secrets, no API request), so it runs where the
pulumi CLI is logged in to the stack's backend.

Exit status, for a scheduler:
  0  nothing is due (or the stack mints no tokens)
  3  at least one token is at its rotation point: run 'pulumi up'
  1  the stack could not be read
  2  command-line mistake

A token kept on expiry (onExpiry "keep", the default under a 'protect' of
its own or a parent's) is listed at its rotation point but does not make
the stack due: 'pulumi up' keeps it (remove 'protect' or set onExpiry:
"replace" to rotate it).

Flags:
  --stack ORG/PROJECT/STACK the stack to read
  --json                    one JSON object: {stack, now, due, next, resources}
  --help                    show this help

Examples:
  pulumi-openai-realtime due --stack organization/realtime/prod
  pulumi-openai-realtime due --stack organization/realtime/prod --json
`;

/** One minted token of the stack and its rotation point. */
export interface RotationEntry {
  /** Kind and name, as `pulumi preview` shows them: `ClientSecret web`. */
  resource: string;
  urn: string;
  kind: ResourceKind;
  /** Unix seconds. */
  expiresAt: number;
  rotateBeforeSeconds: number;
  /** `expiresAt - rotateBeforeSeconds`, unix seconds. */
  rotateAt: number;
  /** Whole seconds until `rotateAt`; 0 once it has passed. */
  secondsLeft: number;
  due: boolean;
  /**
   * Kept on expiry (`onExpiry: "keep"`, which the resource sets under a
   * `protect` of its own or a parent's): `pulumi up` keeps it, so it never
   * makes the stack due.
   */
  protected: boolean;
}

/** The state of a stack as `pulumi stack export` prints it (the parts read here). */
interface ExportedResource {
  urn?: unknown;
  type?: unknown;
  protect?: unknown;
  delete?: unknown;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

const KIND_BY_TYPE = new Map<string, ResourceKind>(
  Object.entries(TYPE_TOKENS).map(([kind, type]) => [type, kind as ResourceKind]),
);

/** A secret value in an export without --show-secrets. */
const isSecretEnvelope = (value: unknown): boolean =>
  typeof value === "object" && value !== null && "4dabf18193072939515e22adc82e36ad" in value;

/**
 * The rotation point of every live token in an exported stack state, earliest
 * first, decided as the provider's diff decides it at `now` (unix seconds).
 * Resources pending deletion are skipped; a token without a readable
 * `expiresAt` is due, as diff would replace it.
 *
 * @example
 * rotationSchedule(JSON.parse(exportText).deployment.resources, 1_900_000_000)[0]?.rotateAt
 */
export function rotationSchedule(resources: readonly ExportedResource[], now: number): RotationEntry[] {
  const entries: RotationEntry[] = [];
  for (const resource of resources) {
    const kind = typeof resource.type === "string" ? KIND_BY_TYPE.get(resource.type) : undefined;
    if (kind === undefined || !EXPIRING_KINDS.has(kind) || resource.delete === true) continue;
    const outputs = resource.outputs ?? {};
    const urn = typeof resource.urn === "string" ? resource.urn : "";
    if (isSecretEnvelope(outputs.expiresAt)) throw new Error(`${urn}: expiresAt is a secret output; due reads no secrets`);
    // rotateBeforeSeconds is recorded in the outputs by create and update; older states hold it in the inputs only.
    const recorded = outputs.rotateBeforeSeconds ?? resource.inputs?.rotateBeforeSeconds;
    const rotateBeforeSeconds = typeof recorded === "number" ? recorded : 0;
    const expiresAt = typeof outputs.expiresAt === "number" ? outputs.expiresAt : 0;
    const rotateAt = expiresAt - rotateBeforeSeconds;
    entries.push({
      resource: `${kind} ${urn.split("::").pop() ?? urn}`,
      urn,
      kind,
      expiresAt,
      rotateBeforeSeconds,
      rotateAt,
      secondsLeft: Math.max(0, Math.ceil(rotateAt - now)),
      due: isDue(outputs, now, rotateBeforeSeconds),
      protected: keptOnExpiry(resource),
    });
  }
  return entries.sort((a, b) => a.rotateAt - b.rotateAt || a.urn.localeCompare(b.urn));
}

/**
 * Whether `pulumi up` keeps the token past its rotation point: its recorded
 * `onExpiry` says "keep" (the resource sets that under an own or inherited
 * `protect`); state written before `onExpiry` existed has only the own flag.
 */
function keptOnExpiry(resource: ExportedResource): boolean {
  const onExpiry = resource.inputs?.onExpiry;
  return onExpiry === "keep" || (onExpiry === undefined && resource.protect === true);
}

/** Reads the stack's state with `pulumi stack export` (secrets stay encrypted). */
async function exportedResources(stack: string): Promise<ExportedResource[]> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("pulumi", ["stack", "export", "--stack", stack, "--non-interactive"], {
      maxBuffer: 256 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string };
    if (e.code === "ENOENT") throw new Error("--stack needs the pulumi CLI on PATH");
    const detail = (e.stderr ?? "").trim().split("\n").pop() ?? "";
    throw new Error(`--stack ${stack}: 'pulumi stack export' failed: ${detail}`);
  }
  let parsed: { deployment?: { resources?: unknown } };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    throw new Error(`--stack ${stack}: 'pulumi stack export' printed no JSON`);
  }
  const resources = parsed.deployment?.resources ?? [];
  if (!Array.isArray(resources)) throw new Error(`--stack ${stack}: the exported state has no resource list`);
  return resources as ExportedResource[];
}

function parseArgs(argv: readonly string[]): { stack: string; json: boolean } | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values["help"] === true) return "help";
  const stack = values["stack"];
  if (typeof stack !== "string") throw new UsageError("--stack ORG/PROJECT/STACK is required.");
  if (!/^[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(stack)) {
    throw new UsageError(`--stack must be a fully qualified stack name ORG/PROJECT/STACK (got '${stack}').`);
  }
  return { stack, json: values["json"] === true };
}

function table(entries: readonly RotationEntry[], now: number): string {
  const rows = entries.map((e) => [
    e.resource,
    isoTime(e.rotateAt),
    e.due ? (now >= e.expiresAt ? "expired" : "due") : `${e.secondsLeft} s`,
    e.protected ? "protected" : "",
  ]);
  const header = ["RESOURCE", "ROTATES AT", "LEFT", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const resources = await exportedResources(args.stack);
  const now = nowSeconds();
  const entries = rotationSchedule(resources, now);
  const due = entries.filter((e) => e.due && !e.protected);
  const next = entries.find((e) => !e.protected) ?? null;
  if (args.json) {
    io.stdout(`${JSON.stringify({ stack: args.stack, now, due: due.length > 0, next, resources: entries })}\n`);
  } else if (entries.length === 0) {
    io.stdout(`${args.stack} holds no minted tokens: nothing to rotate.\n`);
  } else {
    io.stdout(table(entries, now));
    if (due.length > 0) {
      io.stdout(`${due.length} token(s) due: run 'pulumi up' to re-mint ${due.map((e) => e.resource).join(", ")}.\n`);
    } else if (next !== null) {
      io.stdout(`Nothing due. Next rotation: ${next.resource} at ${isoTime(next.rotateAt)}, in ${next.secondsLeft} s.\n`);
    } else {
      io.stdout("Nothing due: every token is protected.\n");
    }
  }
  for (const kept of entries.filter((e) => e.due && e.protected)) {
    io.stderr(`warning: ${kept.resource} is past its rotation point but protected; 'pulumi up' keeps it (remove 'protect' or set onExpiry: "replace" to rotate it).\n`);
  }
  return due.length > 0 ? EXIT_DUE : 0;
}

/** `pulumi-openai-realtime due`: when the stack's tokens next need `pulumi up`. */
export const dueCommand: Command = {
  usage: USAGE,
  run,
};
