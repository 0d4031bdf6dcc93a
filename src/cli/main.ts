#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_USAGE, processIo, UsageError, type CliIo } from "./command";
import { commands } from "./commands";

const BIN = "pulumi-openai-realtime";

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `Usage: ${BIN} <command> [flags]\n\nCommands:\n${list}\n\nRun '${BIN} <command> --help' for a command's flags.\n`;
}

function version(): string {
  // package.json sits two levels up from both src/cli and dist/cli.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return `${pkg.version}\n`;
}

/**
 * Runs the CLI with `argv` (the arguments after `node main.js`) and resolves
 * with the exit code: 0 success, 1 failure, 2 command-line mistake.
 *
 * @example
 * process.exitCode = await main(["emulator", "--port", "0"]);
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return 0;
  }
  if (name === "--version") {
    io.stdout(version());
    return 0;
  }
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr(`${BIN}: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(", ")}.\nRun '${BIN} --help' for usage.\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${BIN} ${entry.name}: ${error.message}\nRun '${BIN} ${entry.name} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${BIN} ${entry.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
