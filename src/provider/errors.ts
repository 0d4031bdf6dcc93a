import { redactSecrets } from "./redact";

// Compared by name: errors may come from another copy of the client module.
const isApiError = (err: unknown): err is Error & { status: number } =>
  err instanceof Error && typeof (err as { status?: unknown }).status === "number";

/**
 * The message a failed create shows the user: what was attempted, the API's
 * status, message, param and request id (from the client's error), and never
 * a secret.
 */
export function describeFailure(action: string, err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  const prefix = isApiError(err) ? `${action}: the OpenAI Realtime API answered ` : `${action}: `;
  return redactSecrets(prefix + detail);
}
