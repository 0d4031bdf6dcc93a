// Which session fields are credentials, and how a template's effective
// session keeps them when the API leaves them out.
import { describe, expect, it } from "vitest";
import { containsCredentials, restoreCredentials } from "../../../src/provider/credential-fields";

const MCP = { type: "mcp", server_label: "crm", server_url: "https://mcp.example.test/sse" };

describe("containsCredentials", () => {
  it("finds an MCP tool's authorization or headers, and nothing in a plain config", () => {
    expect(containsCredentials({ type: "realtime", tools: [{ ...MCP, authorization: "tok-1" }] })).toBe(true);
    expect(containsCredentials({ type: "realtime", tools: [{ ...MCP, headers: { "X-Key": "k" } }] })).toBe(true);
    expect(containsCredentials({ type: "realtime", tools: [{ ...MCP, headers: null }], instructions: "Hi." })).toBe(false);
    expect(containsCredentials({ type: "realtime", model: "gpt-realtime" })).toBe(false);
  });
});

describe("restoreCredentials", () => {
  it("puts back a token the API left out of the effective session, matching the tool by label", () => {
    const effective = { type: "realtime", tools: [{ type: "function", name: "f" }, { ...MCP, require_approval: "never" }] };
    const input = { type: "realtime", tools: [{ ...MCP, authorization: "tok-1", headers: { "X-Key": "k" } }] };
    expect(restoreCredentials(effective, input)).toEqual({
      type: "realtime",
      tools: [{ type: "function", name: "f" }, { ...MCP, require_approval: "never", authorization: "tok-1", headers: { "X-Key": "k" } }],
    });
  });

  it("replaces a masked token with the one asked for, and leaves configs without credentials alone", () => {
    const masked = { tools: [{ ...MCP, authorization: "****" }] };
    expect(restoreCredentials(masked, { tools: [{ ...MCP, authorization: "tok-1" }] }).tools).toEqual([{ ...MCP, authorization: "tok-1" }]);
    const plain = { tools: [MCP] };
    expect(restoreCredentials(plain, { tools: [MCP] })).toBe(plain);
  });
});
