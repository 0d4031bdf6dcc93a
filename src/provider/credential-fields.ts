import { isRecord } from "../values";

// Fields of a session config that carry credentials for a third party: an MCP
// tool's OAuth `authorization` token and its `headers` (documented "for
// authentication"). No other session field holds one today; a field added
// here is made secret everywhere by the resource layer.
export const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(["authorization", "headers"]);

type Json = Record<string, unknown>;


/**
 * True when `value` (a session config, or part of one) holds a credential.
 *
 * @example
 * ```ts
 * containsCredentials({ tools: [{ type: "mcp", server_label: "crm", authorization: "tok" }] }); // true
 * ```
 */
export function containsCredentials(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsCredentials);
  if (!isRecord(value)) return false;
  return Object.entries(value).some(
    ([key, v]) => (CREDENTIAL_KEYS.has(key) && v !== undefined && v !== null) || containsCredentials(v),
  );
}

/**
 * Puts the input's MCP credentials back into the effective session the API
 * reported, matching tools by `server_label`. The API may leave a token out
 * of what it reports (or mask it); the effective session is meant to be sent
 * again as a client secret's `session`, so it must carry what was asked for.
 */
export function restoreCredentials(effective: Json, input: unknown): Json {
  if (!isRecord(input) || !Array.isArray(input.tools) || !Array.isArray(effective.tools)) return effective;
  const byLabel = new Map<unknown, Json>();
  for (const tool of input.tools) if (isRecord(tool) && containsCredentials(tool)) byLabel.set(tool.server_label, tool);
  if (byLabel.size === 0) return effective;
  const tools = effective.tools.map((tool) => {
    const asked = isRecord(tool) ? byLabel.get(tool.server_label) : undefined;
    if (!isRecord(tool) || asked === undefined) return tool;
    const restored: Json = { ...tool };
    for (const key of CREDENTIAL_KEYS) if (asked[key] !== undefined && asked[key] !== null) restored[key] = asked[key];
    return restored;
  });
  return { ...effective, tools };
}
