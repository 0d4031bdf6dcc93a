// --stack: the service reads the secret tokenEndpoints output with the pulumi
// CLI, never prints it, and a re-deployed template reaches it within its
// reload period without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { SecretScan } from "../../helpers/secrets";
import { RouterProcess as ServiceProcess, waitFor } from "../router/helpers";
import { API_KEY, mint } from "./helpers";

const MCP = "fixture-mcp-credential-5c3d";

describe("tokens --stack", { timeout: 300_000 }, () => {
  let emulator: TestEmulator;
  let ws: PulumiWorkspace;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    ws = await PulumiWorkspace.create("test/integration/tokens/fixtures/token-stack");
  });

  afterAll(async () => {
    await service?.stop();
    await ws?.dispose();
    await emulator?.close();
  });

  it("mints from the stack's endpoints and follows a re-deploy within the reload period", async () => {
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    expect((await ws.run(["stack", "output", "tokenEndpoints", "--json"])).stdout.trim()).toBe('"[secret]"');
    service = await ServiceProcess.start(["--stack", "organization/token-stack/test", "--port", "0", "--reload-seconds", "2"], {
      cwd: ws.dir,
      env: { ...ws.env(), OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
      command: "tokens",
    });
    const first = (await (await mint(service.url, "web")).json()) as { revision: string; session: Record<string, unknown> };
    expect(first.revision).toBe("rev-1");
    expect(first.session).toEqual({
      type: "realtime",
      model: "gpt-realtime",
      instructions: "First revision.",
      tools: [{ type: "mcp", server_label: "crm", server_url: "https://crm.example.com/mcp" }],
    });

    await ws.setConfig("token-stack:instructions", "Second revision.");
    const redeploy = await ws.up();
    expect(redeploy.code, redeploy.output).toBe(0);
    const deployed = Date.now();
    const second = await waitFor(
      "the re-deployed template",
      async () => {
        const body = (await (await mint(service!.url, "web")).json()) as { revision: string; session: { instructions: string } };
        return body.revision === "rev-2" ? body : undefined;
      },
      30_000,
    );
    expect(second.session.instructions).toBe("Second revision.");
    // Reload period 2 s, plus one `pulumi stack output` run (two with --show-secrets).
    expect(Date.now() - deployed).toBeLessThan(20_000);
    expect(await service.stop()).toBe(0);
    new SecretScan().watch(MCP, "MCP credential").watch(API_KEY, "API key").check("service output", service.stdout + service.stderr).assertClean();
  });
});
