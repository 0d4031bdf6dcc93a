// One secret scan for every integration suite: register the secrets a test
// knows (API key, webhook secret) and the tokens it minted, feed it every
// text a user or an attacker could read (exported state, the backend's files,
// CLI output, the emulator's request log, router logs, error messages), and
// assert that none of the secrets appears in any of them.
import * as fs from "node:fs";
import * as path from "node:path";
import type { TestEmulator } from "./emulator";
import { filesUnder } from "./files";
import type { PulumiWorkspace } from "./pulumi";

/** Where a secret was found, and which one (by label: the value is never repeated). */
export interface SecretFinding {
  where: string;
  secret: string;
}

/** Minted ephemeral tokens, as the API and the emulator shape them. */
const TOKEN = /\bek_[A-Za-z0-9_-]{8,}/g;

/**
 * Collects secrets and the texts they must not appear in.
 *
 * @example
 * const scan = new SecretScan().watch(API_KEY, "API key");
 * await scan.watchMintedTokens(ws);          // every ek_ value, read with --show-secrets
 * scan.check("pulumi up output", up.output);
 * await scan.checkWorkspace(ws);             // stack export, stack outputs, backend files
 * await scan.checkEmulator(emulator);        // the request log
 * scan.assertClean();
 */
export class SecretScan {
  private readonly secrets = new Map<string, string>();
  private readonly found: SecretFinding[] = [];
  private readonly checked: string[] = [];

  /** Adds a value that must appear nowhere; `label` names it in findings. */
  watch(value: string | undefined, label = "secret"): this {
    // Very short values would match by accident; no real secret is that short.
    if (value !== undefined && value.length >= 8) this.secrets.set(value, label);
    return this;
  }

  /** Adds every `ek_` token that occurs in `text` (for instance `stack output --show-secrets`). */
  watchTokensIn(text: string): this {
    for (const token of text.match(TOKEN) ?? []) this.watch(token, "minted ek_ token");
    return this;
  }

  /** Adds every token the stack holds, read from its state with `--show-secrets`. */
  async watchMintedTokens(ws: PulumiWorkspace): Promise<this> {
    return this.watchTokensIn((await ws.exportState(true)).raw);
  }

  /** The number of distinct secrets watched, so a test can tell the scan was not empty. */
  get watching(): number {
    return this.secrets.size;
  }

  /** Labels of the texts checked so far. */
  get sources(): readonly string[] {
    return this.checked;
  }

  /** Checks one text, remembering any secret found in it under `where`. */
  check(where: string, text: string): this {
    this.checked.push(where);
    for (const [value, label] of this.secrets) {
      if (text.includes(value)) this.found.push({ where, secret: label });
    }
    return this;
  }

  /** Checks an error's message and stack. */
  checkError(where: string, error: unknown): this {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
    return this.check(where, text);
  }

  /**
   * Checks what the stack exposes without `--show-secrets` (the export and
   * the outputs) and every file of its backend: checkpoints, history,
   * backups, logs.
   */
  async checkWorkspace(ws: PulumiWorkspace): Promise<this> {
    this.check(`pulumi stack export (${ws.stack})`, (await ws.exportState()).raw);
    this.check(`pulumi stack output (${ws.stack})`, JSON.stringify(await ws.outputs()));
    for (const file of filesUnder(path.join(ws.stateDir, "backend"))) {
      this.check(`backend file ${path.relative(ws.stateDir, file)}`, fs.readFileSync(file, "utf8"));
    }
    return this;
  }

  /** Checks the emulator's recorded-requests log. */
  async checkEmulator(emulator: TestEmulator): Promise<this> {
    return this.check("emulator request log", await emulator.requestLog());
  }

  /** Everything found so far. */
  findings(): SecretFinding[] {
    return [...this.found];
  }

  /** Throws, naming each place and which secret (never its value), if any secret was found. */
  assertClean(): void {
    if (this.secrets.size === 0) throw new Error("secret scan: nothing to look for; watch() the secrets first");
    if (this.found.length === 0) return;
    const lines = this.found.map((f) => `  ${f.secret} in ${f.where}`);
    throw new Error(`secret scan: ${this.found.length} secret(s) exposed:\n${lines.join("\n")}`);
  }
}
