import { readFileSync, statSync } from "node:fs";

/**
 * Splits a secret list: comma-, space- or newline-separated `whsec_...`
 * values (a rotation holds the old and the new one). Lines starting with `#`
 * are comments.
 *
 * @example
 * parseSecretList("whsec_old,whsec_new") // ["whsec_old", "whsec_new"]
 */
export function parseSecretList(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .join("\n")
    .split(/[\s,]+/)
    .filter((s) => s !== "");
}

/** Where the router reads its webhook secrets. */
export interface WebhookSecretOptions {
  /** Comma-separated secrets. @default process.env.OPENAI_WEBHOOK_SECRET */
  secrets?: string | undefined;
  /** A file of secrets (one per line or comma-separated), re-read when it changes. */
  file?: string | undefined;
}

/**
 * The router's current webhook secrets. A file is re-read when its
 * modification time or size changes (checked at most once a second), so a
 * rotation is: add the new secret to the file, switch the sender, remove the
 * old one, all without a restart. Never prints a secret.
 *
 * @example
 * const source = new WebhookSecrets({ file: "/run/secrets/openai-webhook" });
 * verifyWebhook(body, headers, source.current());
 */
export class WebhookSecrets {
  readonly #fixed: string[];
  readonly #file: string | undefined;
  #fromFile: string[] = [];
  #stamp = "";
  #checkedAt = 0;

  /** @throws Error when no secret is configured or the file cannot be read. */
  constructor(options: WebhookSecretOptions = {}) {
    this.#fixed = parseSecretList(options.secrets ?? process.env["OPENAI_WEBHOOK_SECRET"] ?? "");
    this.#file = options.file;
    this.#reload(true);
    if (this.current().length === 0) {
      throw new Error(
        this.#file === undefined
          ? "No webhook secret: set OPENAI_WEBHOOK_SECRET (comma-separated during a rotation) or pass --webhook-secret-file"
          : `No webhook secret in ${this.#file}`,
      );
    }
  }

  /** The secrets a signature may match now. */
  current(): string[] {
    this.#reload(false);
    return [...this.#fixed, ...this.#fromFile];
  }

  #reload(initial: boolean): void {
    if (this.#file === undefined) return;
    const now = Date.now();
    if (!initial && now - this.#checkedAt < 1000) return;
    this.#checkedAt = now;
    try {
      const stat = statSync(this.#file);
      const stamp = `${stat.mtimeMs}:${stat.size}`;
      if (stamp === this.#stamp) return;
      this.#fromFile = parseSecretList(readFileSync(this.#file, "utf8"));
      this.#stamp = stamp;
    } catch (error) {
      // At start a missing file is a configuration mistake; later, keep the last good list.
      if (initial) throw new Error(`Cannot read webhook secret file ${this.#file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
}
