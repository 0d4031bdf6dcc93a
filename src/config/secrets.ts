import * as pulumi from "@pulumi/pulumi";
import { splitSecretReferences } from "./references";

/**
 * Reads a `${secret:NAME}` from the stack config: `NAME` in the project's
 * namespace, `namespace:NAME` in another one. Fails the update with Pulumi's
 * own message (naming `pulumi config set --secret`) when it is not set.
 */
function readSecret(name: string): pulumi.Output<string> {
  const colon = name.lastIndexOf(":");
  const config = colon < 0 ? new pulumi.Config() : new pulumi.Config(name.slice(0, colon));
  return config.requireSecret(colon < 0 ? name : name.slice(colon + 1));
}

/**
 * Replaces every `${secret:NAME}` in a loaded value by the secret stack
 * config `NAME`. A string holding one becomes a secret output, so the
 * resource input that contains it is stored encrypted.
 *
 * @example
 * const session = resolveSecrets({ tools: [{ type: "mcp", authorization: "${secret:crmToken}" }] });
 */
export function resolveSecrets<T>(value: T): pulumi.Input<T> {
  return resolve(value) as pulumi.Input<T>;
}

function resolve(value: unknown): unknown {
  if (typeof value === "string") {
    const parts = splitSecretReferences(value);
    if (parts === undefined) return value;
    const pieces = parts.map((part) => ("secret" in part ? readSecret(part.secret) : part.text));
    const secret = parts.some((part) => "secret" in part);
    const joined = pulumi.concat(...pieces);
    return secret ? pulumi.secret(joined) : joined;
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
  }
  return value;
}
