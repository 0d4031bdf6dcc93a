import { readFileSync } from "node:fs";
import type { LogRecord } from "./router";

/** One entry of a secret list and the line it is on (1-based). */
interface Entry {
  line: number;
  value: string;
}

/** Entries of a list: comma-, space- or newline-separated; `#` at a line's start or after a blank or comma starts a comment. */
function entries(text: string): Entry[] {
  return text.split("\n").flatMap((raw, i) =>
    raw
      .replace(/(^|[\s,])#.*$/, "")
      .split(/[\s,]+/)
      .filter((value) => value !== "")
      .map((value) => ({ line: i + 1, value })),
  );
}

/**
 * Splits a secret list: comma-, space- or newline-separated values (a
 * rotation holds the old and the new one). `#` at the start of a line, or
 * after a space or comma, starts a comment that runs to the end of the line.
 *
 * @example
 * parseSecretList("whsec_b2xk, whsec_bmV3 # new\n# old one removed\n") // ["whsec_b2xk", "whsec_bmV3"]
 */
export function parseSecretList(text: string): string[] {
  return entries(text).map((e) => e.value);
}

const PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A webhook secret as the Standard Webhooks libraries take it: `whsec_`
 * followed by the base64 key, or the base64 key alone. Returns the
 * `whsec_` form, or undefined when `value` is neither.
 */
function normalizeSecret(value: string): string | undefined {
  const key = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : value;
  if (!BASE64.test(key) || key.length % 4 === 1 || Buffer.from(key, "base64").length === 0) return undefined;
  return PREFIX + key;
}

/**
 * Parses and checks every webhook secret of a list (see
 * {@link parseSecretList}); each may be `whsec_<base64>` or bare base64,
 * and comes back in the `whsec_` form.
 *
 * @param source what the list is, for messages (e.g. `OPENAI_WEBHOOK_SECRET`).
 * @throws Error naming the source, line and entry of the first bad one (never its text).
 * @example
 * parseWebhookSecrets("whsec_b2xk\nbmV3 # bare base64\n", "secrets.txt") // ["whsec_b2xk", "whsec_bmV3"]
 */
export function parseWebhookSecrets(text: string, source: string): string[] {
  const list = entries(text);
  return list.map(({ line, value }) => {
    const secret = normalizeSecret(value);
    if (secret === undefined) {
      const entry = list.filter((e) => e.line === line).findIndex((e) => e.value === value) + 1;
      throw new Error(`${source} line ${line}, entry ${entry}: not a webhook secret (expected whsec_ followed by a base64 key, or the base64 key alone)`);
    }
    return secret;
  });
}

/** Where the router reads its webhook secrets. */
export interface WebhookSecretOptions {
  /** Comma-separated secrets, used when no `file` is given. @default process.env.OPENAI_WEBHOOK_SECRET */
  secrets?: string | undefined;
  /**
   * A file of secrets (one per line or comma-separated, `#` comments), re-read
   * when it changes. When given, it is the only source: environment secrets
   * are not added to it, so removing a line revokes that secret.
   */
  file?: string | undefined;
  /** Where reload problems and reloads are logged. @default nowhere */
  log?: ((record: LogRecord) => void) | undefined;
  /** Milliseconds between checks of the file. @default 1000 */
  checkEveryMs?: number | undefined;
}

/**
 * The router's current webhook secrets. With a file, the file alone is
 * checked at most once a second and re-read when its content changes, so a
 * rotation is: add the new secret to the file, switch the sender, remove the
 * old one, all without a restart. A file that turns unreadable, empty or
 * holds a bad entry is logged (with the line number) and the last good list
 * stays in force. Never prints a secret.
 *
 * @example
 * const source = new WebhookSecrets({ file: "/run/secrets/openai-webhook" });
 * verifyWebhook(body, headers, source.current());
 */
export class WebhookSecrets {
  readonly #file: string | undefined;
  readonly #log: (record: LogRecord) => void;
  readonly #every: number;
  #list: string[] = [];
  #text: string | undefined;
  #problem: string | undefined;
  #checkedAt = 0;

  /** @throws Error when no secret is configured, the file cannot be read, or an entry is not a secret (naming its line). */
  constructor(options: WebhookSecretOptions = {}) {
    this.#file = options.file;
    this.#log = options.log ?? (() => undefined);
    this.#every = options.checkEveryMs ?? 1000;
    if (this.#file === undefined) {
      this.#list = parseWebhookSecrets(options.secrets ?? process.env["OPENAI_WEBHOOK_SECRET"] ?? "", "OPENAI_WEBHOOK_SECRET");
      if (this.#list.length === 0) {
        throw new Error("No webhook secret: set OPENAI_WEBHOOK_SECRET (comma-separated during a rotation) or pass --webhook-secret-file");
      }
      return;
    }
    let text: string;
    try {
      text = readFileSync(this.#file, "utf8");
    } catch (error) {
      throw new Error(`Cannot read webhook secret file ${this.#file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
    this.#list = parseWebhookSecrets(text, `webhook secret file ${this.#file}`);
    if (this.#list.length === 0) throw new Error(`No webhook secret in ${this.#file}`);
    this.#text = text;
    this.#checkedAt = Date.now();
  }

  /** The secrets a signature may match now. */
  current(): string[] {
    this.#reload();
    return [...this.#list];
  }

  #reload(): void {
    if (this.#file === undefined) return;
    const now = Date.now();
    if (now - this.#checkedAt < this.#every) return;
    this.#checkedAt = now;
    let text: string;
    try {
      text = readFileSync(this.#file, "utf8");
    } catch (error) {
      this.#report("secret_file_unreadable", `cannot read ${this.#file}: ${(error as NodeJS.ErrnoException).code ?? "error"}; keeping the last good list`);
      return;
    }
    if (text === this.#text) return this.#report(undefined, "");
    let list: string[];
    try {
      list = parseWebhookSecrets(text, this.#file);
    } catch (error) {
      return this.#report("secret_file_invalid", `${(error as Error).message}; keeping the last good list`);
    }
    if (list.length === 0) return this.#report("secret_file_invalid", `${this.#file} holds no secret; keeping the last good list`);
    this.#text = text;
    this.#list = list;
    this.#problem = undefined;
    this.#log({ time: new Date().toISOString(), event: "secret_file_reloaded", file: this.#file, secrets: list.length });
  }

  /** Logs a problem once, until it changes or clears. */
  #report(event: string | undefined, detail: string): void {
    const key = event === undefined ? undefined : `${event}:${detail}`;
    if (key === this.#problem) return;
    this.#problem = key;
    if (event !== undefined) this.#log({ time: new Date().toISOString(), event, file: this.#file ?? null, detail });
  }
}
