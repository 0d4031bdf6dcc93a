import type { Command } from "./command";
import { emulatorCommand } from "./emulator";
import { initCommand } from "./init";

/**
 * Every subcommand, in `--help` order. A new command is one module exporting
 * a `Command`, added here.
 */
export const commands: readonly Command[] = [emulatorCommand, initCommand];
