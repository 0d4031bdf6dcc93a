/**
 * Base class of every error this package's client throws.
 *
 * Errors cross process boundaries (Pulumi runs dynamic providers in another
 * process), where `instanceof` fails; check them with the `is*Error` guards,
 * which compare `name`. `toJSON` keeps every field so a serialized error still
 * says what failed and where.
 *
 * @example
 * ```ts
 * try { await client.clientSecrets.create(body); }
 * catch (e) { if (isOpenAIRealtimeError(e)) console.error(e.message); }
 * ```
 */
export class OpenAIRealtimeError extends Error {
  override readonly name: string = "OpenAIRealtimeError";

  /** Plain object with `name`, `message` and the error's own fields (never a credential). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "cause") out[key] = value;
    }
    return out;
  }
}
