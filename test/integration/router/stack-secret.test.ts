// --stack on a stack whose callRoutes output is secret: the router reads it
// with --show-secrets and never prints it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { Calls, RouterProcess, testSecret, WebhookTap } from "./helpers";

const API_KEY = "sk-secret-routes-test-5e2a";

describe("router --stack with a secret callRoutes output", { timeout: 300_000 }, () => {
  const secret = testSecret();
  let emulator: TestEmulator;
  let tap: WebhookTap;
  let ws: PulumiWorkspace;
  let router: RouterProcess | undefined;

  beforeAll(async () => {
    tap = await new WebhookTap("").start();
    emulator = await TestEmulator.start({ apiKey: API_KEY, webhookUrl: tap.url, webhookSecret: secret });
    ws = await PulumiWorkspace.create("test/integration/router/fixtures/secret-routes");
  });

  afterAll(async () => {
    await router?.stop();
    await ws?.dispose();
    await emulator?.close();
    await tap?.close();
  });

  it("accepts calls with the secret routes", async () => {
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    expect((await ws.run(["stack", "output", "callRoutes", "--json"])).stdout.trim()).toBe('"[secret]"');
    router = await RouterProcess.start(["--stack", "organization/secret-routes/test", "--port", "0"], {
      cwd: ws.dir,
      env: { ...ws.env(), OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url, OPENAI_WEBHOOK_SECRET: secret },
    });
    tap.target = `${router.url}/webhook`;
    const calls = new Calls(emulator.url);
    const id = await calls.incoming({ To: "sip:+1@x", From: "sip:+2@y" });
    expect((await calls.waitFor(id, "accepted")).session?.["instructions"]).toBe("Secret routes.");
    expect(router.stdout).not.toContain("Secret routes.");
  });
});
