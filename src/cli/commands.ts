import type { Command } from "./command";
import { callsCommand } from "./calls";
import { dueCommand } from "./due";
import { emulatorCommand } from "./emulator";
import { initCommand } from "./init";
import { routerCommand } from "./router";
import { tokensCommand } from "./tokens";
import { validateCommand } from "./validate";

/**
 * Every subcommand, in `--help` order. A new command is one module exporting
 * a `Command`, added here.
 */
export const commands: readonly Command[] = [initCommand, validateCommand, emulatorCommand, routerCommand, callsCommand, tokensCommand, dueCommand];
