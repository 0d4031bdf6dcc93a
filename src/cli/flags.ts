import { parseArgs } from "node:util";
import { UsageError } from "./command";

/** Flags a command accepts: each takes a string value, or is a boolean switch. */
export type FlagSpec = Readonly<Record<string, "string" | "boolean">>;

/**
 * Parses `--flag value` / `--flag=value` arguments with node:util parseArgs,
 * but with errors that name the flag and list the allowed ones. A repeated
 * flag keeps its last value.
 *
 * @example
 * parseFlags(["--port", "0"], { port: "string" }) // { port: "0" }
 */
export function parseFlags(argv: readonly string[], spec: FlagSpec): Record<string, string | true> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  // strict: false so that every problem is reported in our words below.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const allowed = Object.keys(spec).map((name) => `--${name}`).join(", ");
  const values: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind === "positional") throw new UsageError(`Unexpected argument '${token.value}'. Allowed flags: ${allowed}.`);
    if (token.kind !== "option") continue;
    const type = spec[token.name];
    if (type === undefined) throw new UsageError(`Unknown flag '${token.rawName}'. Allowed flags: ${allowed}.`);
    if (type === "boolean") {
      if (token.value !== undefined) throw new UsageError(`Flag --${token.name} takes no value.`);
      values[token.name] = true;
    } else {
      // Without this, `--port --host x` would read "--host" as the port.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
        throw new UsageError(`Flag --${token.name} needs a value.`);
      }
      values[token.name] = token.value;
    }
  }
  return values;
}
