// Credentials inside a session config (an MCP tool's `authorization` and
// `headers`) are secret everywhere without the user asking: in state, stack
// outputs and previews; a plain config stays readable; and a client secret
// minted from the template's effective session still carries them.
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-session-credentials-key-5a0e";
const TOKEN = "mcp-oauth-token-3f9a1c27";
const HEADER = "mcp-header-value-77d2e0b4";
const TYPE = "pulumi-nodejs:dynamic/openai-realtime";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

/** A value of `stack export --show-secrets`: secrets come as their plaintext JSON. */
function revealed(value: unknown): unknown {
  const v = value as { plaintext?: string } | undefined;
  return typeof v?.plaintext === "string" ? JSON.parse(v.plaintext) : value;
}

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";

const config = new pulumi.Config();
const crm = new SessionTemplate("crm", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: config.get("instructions") ?? "Help with the CRM.",
    tools: [
      {
        type: "mcp",
        server_label: "crm",
        server_url: "https://mcp.example.test/sse",
        authorization: "${TOKEN}",
        headers: { "X-Api-Key": "${HEADER}" },
        require_approval: "never",
      },
    ],
  },
});
const plain = new SessionTemplate("plain", {
  session: { type: "realtime", model: "gpt-realtime", instructions: "Plain and readable." },
});
const web = new ClientSecret("web", { session: crm.session });

export const crmSession = crm.session;
export const crmModel = crm.model;
export const plainSession = plain.session;
export const webSessionId = web.sessionId;
`;

function expectNoCredential(text: string, where: string): void {
  expect(text, where).not.toContain(TOKEN);
  expect(text, where).not.toContain(HEADER);
}

describe("credentials inside session configs", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);

  it("keeps them out of the first preview and the update's output", async () => {
    stack.ws.write("index.ts", PROGRAM);
    const preview = await stack.ws.preview();
    expect(preview.code, preview.output).toBe(0);
    expectNoCredential(preview.output, "preview --diff");
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expectNoCredential(up.output, "up");
  });

  it("stores them only encrypted, in inputs and every output derived from them", async () => {
    const { raw, resources } = await stack.ws.exportState();
    expectNoCredential(raw, "stack export");
    const template = resources.find((r) => r.urn.endsWith(`${TYPE}:SessionTemplate::crm`));
    const secretMarker = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
    const session = template?.inputs?.session as Record<string, unknown>;
    // The engine keeps secrets at the level of the array holding them: the tools, not the whole config.
    expect(session.tools).toMatchObject(SECRET);
    expect(session.instructions).toBe("Help with the CRM.");
    expect((template?.outputs?.session as Record<string, unknown>).tools).toMatchObject(SECRET);
  });

  it("shows the derived output as a secret and a plain config as it is", async () => {
    const plain = await stack.ws.outputs(false);
    expectNoCredential(JSON.stringify(plain), "stack output --json");
    expect(plain.crmSession).toBe("[secret]");
    expect(plain.crmModel).toBe("gpt-realtime");
    expect((plain.plainSession as { instructions: string }).instructions).toBe("Plain and readable.");
  });

  it("mints the client secret with the template's credentials, which the effective session keeps", async () => {
    const shown = await stack.ws.outputs(true);
    const tool = (shown.crmSession as { tools: Array<Record<string, unknown>> }).tools[0];
    expect(tool).toMatchObject({ server_label: "crm", authorization: TOKEN, headers: { "X-Api-Key": HEADER } });
    const { resources } = await stack.ws.exportState(true);
    const web = resources.find((r) => r.type === `${TYPE}:ClientSecret`);
    const sent = (revealed(web?.inputs?.session) as { tools: Array<Record<string, unknown>> }).tools[0];
    expect(sent).toMatchObject({ authorization: TOKEN, headers: { "X-Api-Key": HEADER } });
  });

  it("keeps them out of the diff of an edit", async () => {
    await stack.ws.setConfig("instructions", "Help with the CRM, briefly.");
    const preview = await stack.ws.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(`+-${TYPE}:SessionTemplate: (replace)`);
    expect(preview.output).toContain('~ instructions: "Help with the CRM." => "Help with the CRM, briefly."');
    expectNoCredential(preview.output, "preview --diff of an edit");
  });
});
