import type { Finding, Rule } from "./rule";
import { fieldName, isRecord, quoteList } from "./rule";
import { toolFields } from "./session-shape";

function origin(url: string): { origin: string; https: boolean } | undefined {
  try {
    const parsed = new URL(url);
    return { origin: parsed.origin, https: parsed.protocol === "https:" };
  } catch {
    return undefined;
  }
}

// `require_approval: { never: {...} }` lets the filtered tools run unapproved too.
function runsUnapproved(value: unknown): boolean {
  return value === "never" || (isRecord(value) && value.never !== undefined && value.never !== null);
}

/**
 * OAIRT006: MCP tools reach servers over https only, and run without approval
 * (`require_approval: "never"`) only on allow-listed server origins or connector ids.
 *
 * @example
 * enforceMcpApproval.check(
 *   { kind: "SessionTemplate", props: { session: { type: "realtime", tools: [{ type: "mcp", server_label: "x", server_url: "https://mcp.example.com", require_approval: "never" }] } } },
 *   { allowedOrigins: [], allowedConnectorIds: [] },
 * ); // one finding at session.tools[0].require_approval
 */
export const enforceMcpApproval: Rule<{ allowedOrigins: string[]; allowedConnectorIds: string[] }> = {
  id: "OAIRT006",
  name: "openai-realtime-enforce-mcp-approval",
  aliases: [],
  severity: "high",
  enforcementLevel: "mandatory",
  description: "MCP tools use https and skip approval only for allow-listed servers.",
  remediation:
    "Use an https `server_url`, and set `require_approval` to `always` unless the server's origin or connector id is in `allowedOrigins` / `allowedConnectorIds`.",
  configSchema: {
    properties: {
      allowedOrigins: {
        type: "array",
        items: { type: "string" },
        description: "https origins (scheme://host[:port]) whose MCP tools may run without approval.",
        default: [],
      },
      allowedConnectorIds: {
        type: "array",
        items: { type: "string" },
        description: "Connector ids whose MCP tools may run without approval.",
        default: [],
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret"],
  check(subject, { allowedOrigins, allowedConnectorIds }) {
    const findings: Finding[] = [];
    for (const tool of toolFields(subject)) {
      const value = tool.value as Record<string, unknown>;
      if (value.type !== "mcp") continue;
      const url = typeof value.server_url === "string" ? origin(value.server_url) : undefined;
      if (url !== undefined && !url.https) {
        const path = [...tool.path, "server_url"];
        findings.push({ path, message: `${fieldName(path)} must use https; '${url.origin}' does not.` });
      }
      if (!runsUnapproved(value.require_approval)) continue;
      const path = [...tool.path, "require_approval"];
      if (typeof value.connector_id === "string") {
        if (allowedConnectorIds.includes(value.connector_id)) continue;
        findings.push({
          path,
          message: `${fieldName(path)} lets connector '${value.connector_id}' run tools without approval; allowed connector ids: ${quoteList(allowedConnectorIds)}.`,
        });
      } else if (url !== undefined) {
        if (url.https && allowedOrigins.includes(url.origin)) continue;
        findings.push({
          path,
          message: `${fieldName(path)} lets '${url.origin}' run tools without approval; allowed origins: ${quoteList(allowedOrigins)}.`,
        });
      } else {
        findings.push({
          path,
          message: `${fieldName(path)} lets a server that is neither an allow-listed origin nor a connector run tools without approval.`,
        });
      }
    }
    return findings;
  },
};
