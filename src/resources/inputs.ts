import * as pulumi from "@pulumi/pulumi";
// config-keys holds the names only: the program never loads the provider's HTTP client.
import { CONFIG_API_KEY } from "../provider/config-keys";
import { containsCredentials, CREDENTIAL_KEYS } from "../provider/credential-fields";
import { EXPIRING_KINDS, type ResourceKind } from "../tokens";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Marks every credential in a session config secret (an MCP tool's
 * `authorization` and `headers`), leaving the rest readable. A value not
 * known yet (an output of another resource) is made secret as a whole once
 * it turns out to hold a credential.
 */
export function secretCredentials(value: unknown, key?: string): unknown {
  if (key !== undefined && CREDENTIAL_KEYS.has(key) && value !== undefined && value !== null) return pulumi.secret(value);
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return pulumi.output(value).apply((v: unknown) => (containsCredentials(v) ? pulumi.secret(v) : v));
  }
  if (Array.isArray(value)) return value.map((v) => secretCredentials(v));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretCredentials(v, k)]));
  return value;
}

let keyChecked = false;

function isConfigSecret(key: string): boolean {
  const probe = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
  if (probe) return probe(key);
  const keys: unknown = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
  return Array.isArray(keys) && keys.includes(key);
}

/**
 * Refuses a plaintext `openai-realtime:apiKey`: the engine would copy it into
 * the state as the provider's inputs, and it already sits in the stack's
 * YAML, which is usually committed. Never prints the key.
 */
export function refusePlaintextApiKey(): void {
  if (keyChecked) return;
  keyChecked = true;
  if (pulumi.runtime.getConfig(CONFIG_API_KEY) === undefined || isConfigSecret(CONFIG_API_KEY)) return;
  throw new pulumi.RunError(
    `${CONFIG_API_KEY} is stored in plaintext in this stack's config. Store it encrypted: ` +
      `pulumi config set --secret ${CONFIG_API_KEY} <key> (and rotate the key if the file was shared), ` +
      "or use the OPENAI_API_KEY environment variable.",
  );
}

/**
 * Whether the resource will be protected: its own `protect`, else its
 * parent's effective one (the SDK passes `protect` down the parent chain and
 * records it on each resource). Read defensively: should the SDK's record
 * move, a resource counts as unprotected, the SDK's default.
 */
export function effectivelyProtected(opts: pulumi.CustomResourceOptions | undefined): boolean {
  if (opts?.protect !== undefined) return opts.protect === true;
  const inherited = (opts?.parent as { __protect?: unknown } | undefined)?.__protect;
  return inherited === true;
}

/**
 * The properties every resource of the package registers, from its
 * arguments: credentials inside `session` secret, and, for a kind that
 * expires, `onExpiry` when not given: "keep" under a `protect` (own or a
 * parent's), which the engine would not let a replace through, so an
 * expired token is kept and reported rather than failing every preview;
 * otherwise left to the provider's default, "replace".
 */
export function prepareInputs(kind: ResourceKind, args: object, opts: pulumi.CustomResourceOptions | undefined): Record<string, unknown> {
  refusePlaintextApiKey();
  const props: Record<string, unknown> = { ...args };
  if ("session" in props) props.session = secretCredentials(props.session);
  if (EXPIRING_KINDS.has(kind) && props.onExpiry === undefined && effectivelyProtected(opts)) props.onExpiry = "keep";
  return props;
}
