// API keys, ek_ client secrets and webhook secrets must never reach state,
// logs or error messages; API error texts can quote the key they rejected.
const SECRET_PATTERNS = [/\bsk-[A-Za-z0-9_*-]{4,}/g, /\bek_[A-Za-z0-9_*-]{4,}/g, /\bwhsec_[A-Za-z0-9+/=_-]{4,}/g];

/** Replaces anything shaped like a secret with a fixed marker. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (m) => `${m.slice(0, 3)}[REDACTED]`);
  return out;
}
