// The root project end to end: realtime.yaml deployed by the real CLI
// against the emulator, one stack output per section.
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";
import { rootProject } from "./project";

const API_KEY = "sk-root-project-test-7c1e";

type Section = Record<string, Record<string, unknown>>;
type Outputs = {
  templates: Section;
  clientSecrets: Section;
  realtimeSessions: Section;
  transcriptionSessions: Section;
  translationClientSecrets: Section;
  tokenEndpoints: Section;
  callRoutes: Record<string, unknown>[];
};

describe("root project (realtime.yaml)", { timeout: 300_000 }, () => {
  const stack = useStack(rootProject(), API_KEY);

  it("deploys every entry and exports each section keyed by name, tokens secret", async () => {
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const shown = (await stack.ws.outputs()) as Outputs;
    expect(Object.keys(shown).sort()).toEqual([
      "callRoutes",
      "clientSecrets",
      "realtimeSessions",
      "templates",
      "tokenEndpoints",
      "transcriptionSessions",
      "translationClientSecrets",
    ]);
    expect(shown.clientSecrets["web"]?.["value"]).toBe("[secret]");
    expect(shown.translationClientSecrets["spanish"]?.["value"]).toBe("[secret]");
    expect(JSON.stringify(shown)).not.toMatch(/ek_/);

    const out = (await stack.ws.outputs(true)) as Outputs;
    expect(Object.keys(out.templates)).toEqual(["concierge", "desk"]);
    expect(out.templates["concierge"]?.["model"]).toBe("gpt-realtime");
    expect(out.templates["concierge"]?.["revision"]).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(out.clientSecrets)).toEqual(["captions", "web"]);
    expect(out.clientSecrets["web"]?.["value"]).toMatch(/^ek_/);
    expect(out.clientSecrets["captions"]?.["value"]).toMatch(/^ek_/);
    expect(out.realtimeSessions).toEqual({});
    expect(out.transcriptionSessions).toEqual({});
    // The demo's token endpoint: the concierge template's session and revision, declarations as written.
    expect(Object.keys(out.tokenEndpoints)).toEqual(["web"]);
    expect(out.tokenEndpoints["web"]).toMatchObject({ template: "concierge", auth: "bearer", expiresAfterSeconds: 60, revision: out.templates["concierge"]?.["revision"] });
    expect(out.tokenEndpoints["web"]?.["session"]).toEqual(out.templates["concierge"]?.["session"]);

    // Accept routes carry their template's effective session; the others are as written.
    expect(out.callRoutes.map((route) => route["action"])).toEqual(["accept", "refer", "reject", "reject"]);
    const accept = out.callRoutes[0] as { template: string; session: { type: string; audio: { output: { voice: string } } } };
    expect(accept.template).toBe("concierge");
    expect(accept.session.type).toBe("realtime");
    expect(accept.session.audio.output.voice).toBe("marin");
    expect(out.callRoutes[1]).toEqual({ match: { to: "sip:+1415*" }, action: "refer", targetUri: "sip:frontdesk@pbx.example.com" });
  });

  it("previews no changes, then destroys", async () => {
    const before = await stack.emulator.apiRequests();
    const preview = await stack.ws.run(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    expect(await stack.emulator.apiRequests()).toBe(before);
    const destroy = await stack.ws.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});

describe("root project: configFile, references and problems", { timeout: 300_000 }, () => {
  const CRM_TOKEN = "crm-token-4f1b9e2a77";
  const stack = useStack(
    rootProject({
      "configs/prod.yaml": [
        "templates:",
        "  support:",
        "    session:",
        "      type: realtime",
        '      instructions: "You answer for ${env:COMPANY_NAME}."',
        "      tools:",
        "        - type: mcp",
        "          server_label: crm",
        "          server_url: https://crm.example.com/mcp",
        '          authorization: "${secret:crmToken}"',
        "  lobby:",
        "    session: { type: realtime, model: gpt-realtime }",
        "clientSecrets:",
        "  agent:",
        "    template: support",
        // A reference starts with '{' after '$', so it goes in block style or quotes, not in a flow map.
        "    expiresAfterSeconds: ${env:TOKEN_TTL}",
        "tokenEndpoints:",
        "  agent:",
        "    template: support",
        '    allowedOrigins: ["https://agents.example.com"]',
        "    rateLimit: { perMinute: 20, burst: 5 }",
        "    auth: jwt",
        "  lobby: { template: lobby, auth: bearer }",
        "",
      ].join("\n"),
      "configs/broken.yaml": "templates:\n  a: { session: { type: realtime } }\nclientSecrets:\n  web: { template: b }\n",
    }),
    API_KEY,
  );

  it("refuses a file with problems at preview, with positions, before any API request", async () => {
    await stack.ws.setConfig("openai-realtime:configFile", "configs/broken.yaml");
    const preview = await stack.ws.preview([], { COMPANY_NAME: "x", TOKEN_TTL: "60" });
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("configs/broken.yaml has 1 problem(s):");
    expect(preview.output).toContain(
      "configs/broken.yaml:4:10: Unknown template 'b' in 'clientSecrets.web.template'. Defined templates are: 'a'.",
    );
    expect(preview.output).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("deploys the file named by openai-realtime:configFile with env values and a secret from the stack config", async () => {
    await stack.ws.setConfig("openai-realtime:configFile", "configs/prod.yaml");
    await stack.ws.setConfig("crmToken", CRM_TOKEN, true);
    const env = { COMPANY_NAME: "Example Corp", TOKEN_TTL: "900" };
    const up = await stack.ws.up(env);
    expect(up.code, up.output).toBe(0);
    const out = (await stack.ws.outputs(true)) as Outputs;
    expect(Object.keys(out.templates)).toEqual(["lobby", "support"]);
    const session = out.templates["support"]?.["session"] as { instructions: string };
    expect(session.instructions).toBe("You answer for Example Corp.");
    const expiresAt = out.clientSecrets["agent"]?.["expiresAt"] as number;
    expect(expiresAt - Date.now() / 1000).toBeGreaterThan(600);
    // The endpoint as declared (default lifetime filled in) with its template's effective session
    // and revision; the session carries the MCP token, so it alone is secret in the output.
    expect(out.tokenEndpoints).toEqual({
      agent: {
        template: "support",
        revision: out.templates["support"]?.["revision"],
        session: out.templates["support"]?.["session"],
        expiresAfterSeconds: 60,
        allowedOrigins: ["https://agents.example.com"],
        rateLimit: { perMinute: 20, burst: 5 },
        auth: "jwt",
      },
      lobby: {
        template: "lobby",
        revision: out.templates["lobby"]?.["revision"],
        session: out.templates["lobby"]?.["session"],
        expiresAfterSeconds: 60,
        auth: "bearer",
      },
    });
    expect(JSON.stringify(out.tokenEndpoints)).toContain(CRM_TOKEN);
    const shown = (await stack.ws.outputs()) as Outputs;
    expect(shown.tokenEndpoints["agent"]).toMatchObject({ template: "support", session: "[secret]", auth: "jwt" });
    expect(shown.tokenEndpoints["agent"]?.["revision"]).toMatch(/^[0-9a-f]{64}$/);
    // Without credentials the session is readable.
    expect(shown.tokenEndpoints["lobby"]?.["session"]).toMatchObject({ type: "realtime", model: "gpt-realtime" });

    // The API received the token; neither the state nor the CLI's output holds it in plaintext.
    const state = await stack.ws.exportState();
    expect(state.raw).not.toContain(CRM_TOKEN);
    expect(up.output).not.toContain(CRM_TOKEN);
    expect(JSON.stringify(await stack.ws.outputs())).not.toContain(CRM_TOKEN);
    const template = state.resources.find((r) => r.type.endsWith(":SessionTemplate") && r.urn.endsWith("::support"));
    expect(JSON.stringify(template?.inputs?.["session"])).toContain("4dabf18193072939515e22adb298388d");
    // It is there, encrypted: decrypting the state reveals it.
    expect((await stack.ws.exportState(true)).raw).toContain(CRM_TOKEN);
    const preview = await stack.ws.run(["preview", "--expect-no-changes"], { env });
    expect(preview.code, preview.output).toBe(0);
  });
});
