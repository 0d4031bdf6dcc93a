import type { Command } from "./command";

/** A subcommand as `--help` lists it. Its module loads only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for the command list of `--help`. */
  summary: string;
  /** The command itself, loaded on first use. */
  load(): Promise<Command>;
}

/**
 * Every subcommand, in `--help` order. Each is loaded only when it runs, so
 * `--help` and `init` start without the HTTP client, the schemas or the
 * emulator, and no command pays for another's dependencies. A new command is
 * one module exporting a `Command`, added here.
 */
export const commands: readonly CommandEntry[] = [
  { name: "init", summary: "write a Pulumi project for realtime configs (realtime.yaml or TypeScript)", load: async () => (await import("./init")).initCommand },
  { name: "validate", summary: "check realtime.yaml files against the schemas and policy rules, offline", load: async () => (await import("./validate")).validateCommand },
  { name: "emulator", summary: "serve a local Realtime REST API (like stripe-mock) for demos, tests and offline work", load: async () => (await import("./emulator")).emulatorCommand },
  { name: "router", summary: "answer SIP calls from declared callRoutes (accept, refer, reject, hang up at max duration)", load: async () => (await import("./router")).routerCommand },
  { name: "calls", summary: "accept, reject, refer, hang up or create a call (for operators and scripts)", load: async () => (await import("./calls")).callsCommand },
  { name: "tokens", summary: "mint one short-lived token per request from the declared tokenEndpoints (auth, CORS, rate limits)", load: async () => (await import("./tokens")).tokensCommand },
  { name: "due", summary: "print the stack's next token rotation point; exit 3 when 'pulumi up' should run", load: async () => (await import("./due")).dueCommand },
];
