/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `pulumi-openai-realtime <name>` subcommand (its name and summary are in commands.ts). */
export interface Command {
  /** The command's full `--help` text. */
  usage: string;
  /** Runs with the arguments after the command name; resolves with the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake in the command line: reported with a usage hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Exit code for command-line mistakes, as POSIX tools use it. */
export const EXIT_USAGE = 2;

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Resolves on the first SIGINT or SIGTERM (long-running commands stop cleanly on either). */
export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
