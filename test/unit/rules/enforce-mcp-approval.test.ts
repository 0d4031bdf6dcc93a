import { describe, expect, it } from "vitest";
import { enforceMcpApproval } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

const mcp = (extra: Record<string, unknown>) => ({ type: "mcp", server_label: "crm", ...extra });

describe("openai-realtime-enforce-mcp-approval", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(enforceMcpApproval, compliant(kind))).toEqual([]);
  });

  it("accepts an https tool that asks for approval", () => {
    const subject = changed("SessionTemplate", (p) => (p.session.tools = [mcp({ server_url: "https://mcp.example.com/sse" })]));
    expect(run(enforceMcpApproval, subject)).toEqual([]);
  });

  it("flags require_approval never for an origin off the list", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.tools = [mcp({ server_url: "https://mcp.example.com/sse", require_approval: "never" })];
    });
    expect(run(enforceMcpApproval, subject, { allowedOrigins: ["https://mcp.internal.example"] })).toEqual([
      {
        path: ["session", "tools", 0, "require_approval"],
        message:
          "session.tools[0].require_approval lets 'https://mcp.example.com' run tools without approval; allowed origins: 'https://mcp.internal.example'.",
      },
    ]);
  });

  it("accepts require_approval never for an allow-listed origin", () => {
    const subject = changed("ClientSecret", (p) => {
      p.session.tools = [mcp({ server_url: "https://mcp.example.com/sse", require_approval: "never" })];
    });
    expect(run(enforceMcpApproval, subject, { allowedOrigins: ["https://mcp.example.com"] })).toEqual([]);
  });

  it("treats a never filter as running unapproved", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.tools = [mcp({ server_url: "https://mcp.example.com", require_approval: { never: { read_only: true } } })];
    });
    expect(run(enforceMcpApproval, subject)[0]?.message).toBe(
      "session.tools[0].require_approval lets 'https://mcp.example.com' run tools without approval; allowed origins: (none).",
    );
  });

  it("flags a connector off the list", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.tools = [mcp({ connector_id: "connector_gmail", require_approval: "never" })];
    });
    expect(run(enforceMcpApproval, subject, { allowedConnectorIds: ["connector_googledrive"] })[0]?.message).toBe(
      "session.tools[0].require_approval lets connector 'connector_gmail' run tools without approval; allowed connector ids: 'connector_googledrive'.",
    );
    expect(run(enforceMcpApproval, subject, { allowedConnectorIds: ["connector_gmail"] })).toEqual([]);
  });

  it("flags plain http even with approval, and an allow-listed http origin without it", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.tools = [mcp({ server_url: "http://mcp.example.com/sse", require_approval: "never" })];
    });
    expect(run(enforceMcpApproval, subject, { allowedOrigins: ["http://mcp.example.com"] })).toEqual([
      {
        path: ["session", "tools", 0, "server_url"],
        message: "session.tools[0].server_url must use https; 'http://mcp.example.com' does not.",
      },
      {
        path: ["session", "tools", 0, "require_approval"],
        message:
          "session.tools[0].require_approval lets 'http://mcp.example.com' run tools without approval; allowed origins: 'http://mcp.example.com'.",
      },
    ]);
  });

  it("flags a tunnel that runs unapproved", () => {
    const subject = changed("SessionTemplate", (p) => {
      p.session.tools = [mcp({ tunnel_id: `tunnel_${"a".repeat(32)}`, require_approval: "never" })];
    });
    expect(run(enforceMcpApproval, subject)[0]?.message).toBe(
      "session.tools[0].require_approval lets a server that is neither an allow-listed origin nor a connector run tools without approval.",
    );
  });
});
