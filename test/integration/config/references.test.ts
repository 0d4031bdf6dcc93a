// `${secret:...}` and `${env:...}` in realtime.yaml under the real CLI: a
// secret inside an inline call route's session is read from the stack config
// and published as a secret (never as the literal reference), and text that
// comes from the environment is literal: a `${secret:...}` in it is never
// resolved (it would pull a credential into model-visible instructions).
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";
import { rootProject } from "./project";

const API_KEY = "sk-references-test-31f0aa";
const CRM_TOKEN = "crm-token-6b0c2d";

const YAML = `
templates:
  concierge:
    session:
      type: realtime
      model: gpt-realtime
      instructions: "You work for \${env:COMPANY}."
callRoutes:
  - match: { to: "sip:+1415*" }
    action: accept
    session:
      type: realtime
      model: gpt-realtime
      tools:
        - type: mcp
          server_label: crm
          server_url: https://crm.example.com/mcp
          authorization: "\${secret:crmToken}"
  - match: { from: "*" }
    action: reject
    statusCode: 486
`;

describe("realtime.yaml references", { timeout: 300_000 }, () => {
  const stack = useStack(rootProject({ "realtime.yaml": YAML }), API_KEY);

  it("resolves a secret in an inline route's session as a secret, and keeps environment text literal", async () => {
    await stack.ws.setConfig("crmToken", CRM_TOKEN, true);
    await stack.ws.setConfig("openai-realtime:apiKey", API_KEY, true);
    const env = { OPENAI_API_KEY: undefined, COMPANY: "Acme ${secret:openai-realtime:apiKey}" };
    const up = await stack.ws.up(env);
    expect(up.code, up.output).toBe(0);

    const shown = await stack.ws.outputs();
    expect(shown.callRoutes).toBe("[secret]");
    const out = (await stack.ws.outputs(true)) as {
      callRoutes: Array<{ session?: { tools: Array<{ authorization: string }> } }>;
      templates: Record<string, { session: { instructions: string } }>;
    };
    expect(out.callRoutes[0]?.session?.tools[0]?.authorization).toBe(CRM_TOKEN);
    expect(out.templates.concierge?.session.instructions).toBe("You work for Acme ${secret:openai-realtime:apiKey}.");
    expect(JSON.stringify(out)).not.toContain(API_KEY);
    const { raw } = await stack.ws.exportState();
    expect(raw).not.toContain(CRM_TOKEN);
    expect(raw).not.toContain(API_KEY);
  });
});
