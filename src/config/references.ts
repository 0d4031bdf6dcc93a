import { Scalar } from "yaml";

// `${env:NAME}` puts a non-secret value from the environment into the file
// when it is loaded; `${secret:NAME}` stays as written and is read from a
// secret stack config by the Pulumi program, so credentials never sit in the
// YAML. `$${` writes a literal `${`.

/** Any `${...}` reference, with `$${` as the escape. */
const REFERENCE = /\$?\$\{([^}]*)\}/g;
/** A well-formed `${env:NAME}` or `${secret:NAME}` body. */
const KNOWN = /^(env|secret):(.*)$/;
/** Environment variable names as POSIX shells allow them. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Pulumi config keys: `name` (the project's namespace) or `namespace:name`. */
const SECRET_NAME = /^(?:[A-Za-z][A-Za-z0-9_.-]*:)?[A-Za-z][A-Za-z0-9_.-]*$/;
/** A whole scalar that is exactly one `${secret:NAME}`. */
const WHOLE_SECRET = /^\$\{secret:([^}]*)\}$/;

/**
 * Replaces every `${env:NAME}` in a scalar value (call it for values, not
 * keys) and checks every `${secret:NAME}`; returns what could not be
 * resolved. A plain scalar that is one `${env:NAME}` takes the variable as
 * YAML would read it unquoted, so `expiresAfterSeconds: ${env:TTL}` gives a
 * number.
 *
 * @example
 * const problems = substituteScalar(scalar, process.env); // [] when every reference resolved
 */
export function substituteScalar(node: Scalar, env: Record<string, string | undefined>): string[] {
  if (typeof node.value !== "string" || !node.value.includes("${")) return [];
  const problems: string[] = [];
  const text = node.value;
  const whole = node.type === Scalar.PLAIN && /^\$\{env:[^}]*\}$/.test(text);
  const replaced = text.replace(REFERENCE, (match: string, body: string) => {
    // An escaped secret stays escaped: the program unescapes it when it resolves secrets.
    if (match.startsWith("$$")) return body.startsWith("secret:") ? match : match.slice(1);
    const known = KNOWN.exec(body);
    if (!known) {
      problems.push(`Unknown reference '${match}'. Supported references are: '\${env:NAME}', '\${secret:NAME}' ('$\${' writes a literal '\${').`);
      return match;
    }
    const [, kind, name = ""] = known;
    if (kind === "secret") {
      if (!SECRET_NAME.test(name)) problems.push(`Invalid secret name in '${match}': expected a Pulumi config key such as 'mcpToken'.`);
      return match;
    }
    if (!ENV_NAME.test(name)) {
      problems.push(`Invalid environment variable name in '${match}': expected letters, digits and '_'.`);
      return match;
    }
    const value = env[name];
    if (value === undefined) {
      problems.push(`Environment variable '${name}' is not set (referenced as '${match}').`);
      return match;
    }
    // The variable's text is literal: a `${secret:...}` in it is escaped, so
    // that resolving secrets later never reads a secret into it.
    return value.replace(/\$\{secret:/g, () => "$${secret:");
  });
  const rest = text.replace(REFERENCE, "");
  const open = rest.indexOf("${");
  if (open >= 0) {
    const start = rest[open - 1] === "$" ? open - 1 : open;
    problems.push(
      `Unterminated reference '${rest.slice(start, start + 40)}': close it with '}' (or write '$\${' for a literal '\${').`,
    );
  }
  node.value = whole && problems.length === 0 ? plainValue(replaced) : replaced;
  return problems;
}

// What an unquoted YAML scalar with this text means, limited to numbers and
// booleans: anything else stays a string.
function plainValue(text: string): string | number | boolean {
  if (/^(true|false)$/.test(text)) return text === "true";
  if (/^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * The config key of a value that is exactly `${secret:NAME}`, else undefined.
 *
 * @example
 * secretReference("${secret:mcpToken}"); // "mcpToken"
 * secretReference("Bearer ${secret:mcpToken}"); // undefined (see splitSecretReferences)
 */
export function secretReference(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return WHOLE_SECRET.exec(value)?.[1];
}

/** One piece of a string that may hold `${secret:NAME}` references. */
export type SecretPart = { text: string } | { secret: string };

/**
 * Splits a loaded string into literal text and `${secret:NAME}` references,
 * for a program that reads each secret from the stack config and joins the
 * parts (`$${secret:...}` is literal text). Returns undefined when the string
 * holds no secret reference, escaped or not.
 *
 * @example
 * splitSecretReferences("Bearer ${secret:mcpToken}"); // [{ text: "Bearer " }, { secret: "mcpToken" }]
 */
export function splitSecretReferences(value: string): SecretPart[] | undefined {
  const parts: SecretPart[] = [];
  let last = 0;
  let text = "";
  for (const match of value.matchAll(/\$?\$\{secret:([^}]*)\}/g)) {
    text += value.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0].startsWith("$$")) {
      text += match[0].slice(1);
      continue;
    }
    if (text !== "") parts.push({ text });
    text = "";
    parts.push({ secret: match[1] ?? "" });
  }
  if (last === 0) return undefined;
  text += value.slice(last);
  if (text !== "") parts.push({ text });
  return parts;
}
