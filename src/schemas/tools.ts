import { z } from "zod";
import { describedUnion, freeFormObject, strictKit, type Kit, type Mode } from "./kit";

/** Builds `RealtimeFunctionTool`. Nothing is required in the reference, not even `type`. */
export function functionTool<M extends Mode>(k: Kit<M>) {
  return k.object({
    type: k.optional(z.literal("function")),
    name: k.optional(z.string()),
    description: k.optional(z.string()),
    /** JSON Schema of the arguments, passed through untouched. */
    parameters: k.optional(freeFormObject),
  });
}

/**
 * A function the model may call.
 *
 * @example
 * RealtimeFunctionTool.parse({ type: "function", name: "lookup_order", parameters: { type: "object" } });
 */
export const RealtimeFunctionTool = functionTool(strictKit);
/** A function tool. */
export type RealtimeFunctionTool = z.infer<typeof RealtimeFunctionTool>;

/** Who may invoke a tool. */
export const CallableToolAllowedCaller = z.enum(["direct", "programmatic"]);
/** Who may invoke a tool. */
export type CallableToolAllowedCaller = z.infer<typeof CallableToolAllowedCaller>;

/** Service connectors an MCP tool can use instead of a server URL. */
export const MCPConnectorId = z.enum([
  "connector_dropbox",
  "connector_gmail",
  "connector_googlecalendar",
  "connector_googledrive",
  "connector_microsoftteams",
  "connector_outlookcalendar",
  "connector_outlookemail",
  "connector_sharepoint",
]);
/** A service connector id. */
export type MCPConnectorId = z.infer<typeof MCPConnectorId>;

/** Builds `MCPToolFilter`. */
export function mcpToolFilter<M extends Mode>(k: Kit<M>) {
  return k.object({
    tool_names: k.optional(z.array(z.string())),
    read_only: k.optional(z.boolean()),
  });
}

/** Selects MCP tools by name and/or read-only annotation. */
export const MCPToolFilter = mcpToolFilter(strictKit);
/** An MCP tool filter. */
export type MCPToolFilter = z.infer<typeof MCPToolFilter>;

const MCP_SOURCES = ["server_url", "connector_id", "tunnel_id"] as const;

/** Builds `MCPTool`; requests must name one of `server_url`, `connector_id` or `tunnel_id`. */
export function mcpTool<M extends Mode>(k: Kit<M>) {
  const filter = mcpToolFilter(k);
  const tool = k.object({
    type: z.literal("mcp"),
    server_label: z.string(),
    server_url: k.optional(z.url()),
    connector_id: k.optional(MCPConnectorId),
    tunnel_id: k.optional(z.string().regex(/^tunnel_[a-z0-9]{32}$/)),
    authorization: k.optional(z.string()),
    server_description: k.optional(z.string()),
    headers: k.optional(z.record(z.string(), z.string()).nullable()),
    allowed_tools: k.optional(
      describedUnion([z.array(z.string()), filter], "an array of tool names or a tool filter object").nullable(),
    ),
    allowed_callers: k.optional(z.array(CallableToolAllowedCaller).min(1).nullable()),
    require_approval: k.optional(
      describedUnion(
        [k.object({ always: k.optional(filter), never: k.optional(filter) }), z.enum(["always", "never"])],
        "'always', 'never' or an approval filter object",
      ).nullable(),
    ),
    defer_loading: k.optional(z.boolean()),
  });
  if (k.mode === "loose") return tool;
  return tool.superRefine((value, ctx) => {
    const fields: Record<string, unknown> = value;
    if (MCP_SOURCES.some((key) => fields[key] !== undefined && fields[key] !== null)) return;
    ctx.addIssue({
      code: "custom",
      path: ["server_url"],
      message: "Missing required parameter: '{path}'. Provide one of 'server_url', 'connector_id' or 'tunnel_id'.",
      params: { code: "missing_required_parameter" },
    });
  });
}

/**
 * A remote MCP server whose tools the model may call.
 *
 * @example
 * MCPTool.parse({ type: "mcp", server_label: "docs", server_url: "https://mcp.example.com/sse" });
 */
export const MCPTool = mcpTool(strictKit);
/** An MCP tool. */
export type MCPTool = z.infer<typeof MCPTool>;

/** Builds the tool list entry: a function tool (the default when `type` is absent) or an MCP tool. */
export function realtimeTool<M extends Mode>(k: Kit<M>) {
  return z.discriminatedUnion("type", [functionTool(k), mcpTool(k)]);
}

/** A tool of a GA realtime session: function or MCP. */
export const RealtimeTool = realtimeTool(strictKit);
/** A function or MCP tool. */
export type RealtimeTool = z.infer<typeof RealtimeTool>;

/** Tool choice mode: `none`, `auto` or `required`. */
export const ToolChoiceOptions = z.enum(["none", "auto", "required"]);
/** Tool choice mode. */
export type ToolChoiceOptions = z.infer<typeof ToolChoiceOptions>;

/** Builds `ToolChoiceFunction`. */
export function toolChoiceFunction<M extends Mode>(k: Kit<M>) {
  return k.object({ type: z.literal("function"), name: z.string() });
}

/** Forces a call of the named function. */
export const ToolChoiceFunction = toolChoiceFunction(strictKit);
/** Forces a function call. */
export type ToolChoiceFunction = z.infer<typeof ToolChoiceFunction>;

/** Builds `ToolChoiceMCP`. */
export function toolChoiceMcp<M extends Mode>(k: Kit<M>) {
  return k.object({ type: z.literal("mcp"), server_label: z.string(), name: k.optional(z.string().nullable()) });
}

/** Forces a call of a tool on the labelled MCP server. */
export const ToolChoiceMCP = toolChoiceMcp(strictKit);
/** Forces an MCP tool call. */
export type ToolChoiceMCP = z.infer<typeof ToolChoiceMCP>;

/** Builds the GA `tool_choice` field. */
export function toolChoice<M extends Mode>(k: Kit<M>) {
  return describedUnion(
    [ToolChoiceOptions, z.discriminatedUnion("type", [toolChoiceFunction(k), toolChoiceMcp(k)])],
    "'none', 'auto', 'required' or a function or MCP tool choice object",
  );
}

/**
 * GA tool choice: a mode, or a specific function or MCP tool.
 *
 * @example
 * RealtimeToolChoice.parse({ type: "function", name: "lookup_order" });
 */
export const RealtimeToolChoice = toolChoice(strictKit);
/** GA tool choice. */
export type RealtimeToolChoice = z.infer<typeof RealtimeToolChoice>;
