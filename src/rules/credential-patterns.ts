/**
 * Credential formats the credentials rule looks for, each with the kind named in messages. The
 * patterns need enough characters after the prefix that prose such as "sk-learn" is not flagged.
 */
export const CREDENTIAL_PATTERNS = [
  { kind: "OpenAI API key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/ },
  { kind: "OpenAI ephemeral token", pattern: /\bek_[A-Za-z0-9_-]{16,}/ },
  { kind: "webhook secret", pattern: /\bwhsec_[A-Za-z0-9+/=_-]{16,}/ },
  { kind: "AWS access key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { kind: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})/ },
  { kind: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: "bearer token", pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/i },
  { kind: "private key", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
] as const;

/** A credential kind the rule detects. */
export type CredentialKind = (typeof CREDENTIAL_PATTERNS)[number]["kind"];

/**
 * The kinds of credential found in `text`, never the credential itself.
 *
 * @example
 * credentialKinds("use key sk-abcdefghijklmnopqrstuvwx"); // ["OpenAI API key"]
 */
export function credentialKinds(text: string): CredentialKind[] {
  return CREDENTIAL_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ kind }) => kind);
}
