import { CREDENTIAL_KEYS } from "../provider/credential-fields";

/**
 * A session config without the fields that carry third-party credentials
 * (an MCP tool's `authorization` and `headers`), for answers to clients: the
 * token endpoint reports what a token was minted with, never the secrets the
 * template gives the API.
 *
 * @example
 * withoutCredentials({ tools: [{ type: "mcp", server_label: "crm", authorization: "tok" }] })
 * // { tools: [{ type: "mcp", server_label: "crm" }] }
 */
export function withoutCredentials<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutCredentials) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!CREDENTIAL_KEYS.has(key)) out[key] = withoutCredentials(v);
  return out as T;
}
