import { readFileSync } from "node:fs";
import { loadRealtimeConfig } from "../config";
import { resolvePolicyConfig } from "../rules";
import { EXIT_USAGE, UsageError, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";
import { evaluateConfig } from "./validate/evaluate";
import { formatJson } from "./validate/format-json";
import { formatSarif } from "./validate/format-sarif";
import { formatText } from "./validate/format-text";
import { exitCode } from "./validate/report";

const FORMATS = { text: formatText, json: formatJson, sarif: formatSarif } as const;
const SPEC: FlagSpec = { "policy-config": "string", format: "string", help: "boolean" };

const USAGE = `Usage: pulumi-openai-realtime validate <realtime.yaml...> [--policy-config file.json] [--format text|json|sarif]

Checks realtime.yaml files offline: the API schemas, template references and
the policy rules (the same rules as the policy pack). A realtime.d/*.yaml
folder beside a realtime.yaml is read too. Prints each problem with
file:line:col, the entry, the field path and the rule id or schema reason.

Flags:
  --policy-config file.json   levels and thresholds, in the format of
                              pulumi preview --policy-pack-config
  --format text|json|sarif    output format (default text); sarif is
                              SARIF 2.1.0 for GitHub code scanning

Suppress a finding on one entry with a comment above its key:
  # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD]

Exit codes: 0 no problems, 1 problems, 2 unusable input (unreadable file,
broken YAML, bad policy config or flags).

Example:
  pulumi-openai-realtime validate realtime.yaml --format sarif > validate.sarif
`;

// Files and flags may come in any order; flag values are taken with their flag.
function split(argv: readonly string[]): { files: string[]; flags: string[] } {
  const files: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) {
      files.push(arg);
      continue;
    }
    flags.push(arg);
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (SPEC[name] === "string" && next !== undefined && !next.startsWith("--")) {
      flags.push(next);
      i++;
    }
  }
  return { files, flags };
}

function readPolicyConfig(file: string | undefined): unknown {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read --policy-config ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--policy-config ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * `pulumi-openai-realtime validate`: schemas, references and policy rules over realtime.yaml,
 * offline, for PR pipelines.
 *
 * @example
 * process.exitCode = await validateCommand.run(["realtime.yaml", "--format", "sarif"], processIo);
 */
export const validateCommand: Command = {
  usage: USAGE,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { files, flags } = split(argv);
    const values = parseFlags(flags, SPEC);
    if (values.help === true) {
      io.stdout(USAGE);
      return 0;
    }
    const format = (values.format ?? "text") as string;
    if (!(format in FORMATS)) throw new UsageError(`Unknown --format '${format}'. Allowed: text, json, sarif.`);
    if (files.length === 0) throw new UsageError("Name at least one realtime.yaml file.");
    const policyConfig = resolvePolicyConfig(readPolicyConfig(values["policy-config"] as string | undefined));
    if (!policyConfig.ok) {
      io.stderr(`pulumi-openai-realtime validate: --policy-config ${String(values["policy-config"])}:\n`);
      for (const error of policyConfig.errors) io.stderr(`  ${error}\n`);
      return EXIT_USAGE;
    }
    const today = new Date().toISOString().slice(0, 10);
    const report = evaluateConfig(loadRealtimeConfig(files), policyConfig.rules, today);
    io.stdout(FORMATS[format as keyof typeof FORMATS](report, process.cwd()));
    return exitCode(report);
  },
};
