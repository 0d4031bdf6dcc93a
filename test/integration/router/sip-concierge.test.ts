// examples/sip-concierge end to end: `pulumi up` against the emulator, the
// router started from the stack's callRoutes output, simulated calls
// accepted, referred and rejected as declared, one hung up at its limit.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { SecretScan } from "../../helpers/secrets";
import { Calls, CLI, helpExamples, RedisServer, redisServerPath, RouterProcess, testSecret, WebhookTap } from "./helpers";

const API_KEY = "sk-sip-concierge-test-91c0";
const REDIS = redisServerPath();

describe("examples/sip-concierge", { timeout: 300_000 }, () => {
  const secret = testSecret();
  let emulator: TestEmulator;
  let tap: WebhookTap;
  let ws: PulumiWorkspace;
  let router: RouterProcess;
  let calls: Calls;
  let redis: RedisServer | undefined;
  const env = (): Record<string, string> => ({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url });

  beforeAll(async () => {
    tap = await new WebhookTap("").start();
    emulator = await TestEmulator.start({ apiKey: API_KEY, webhookUrl: tap.url, webhookSecret: secret });
    calls = new Calls(emulator.url);
    ws = await PulumiWorkspace.create("examples/sip-concierge", { stack: "dev", env: env() });
    if (REDIS !== undefined) redis = await RedisServer.start(REDIS);
  });

  afterAll(async () => {
    await router?.stop();
    await ws?.dispose();
    await emulator?.close();
    await tap?.close();
    await redis?.stop();
  });

  it("publishes resolved call routes", async () => {
    await ws.setConfig("demoLineMaxDurationSeconds", "2");
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    const { callRoutes } = (await ws.outputs()) as { callRoutes: Array<Record<string, unknown>> };
    expect(callRoutes).toHaveLength(5);
    expect(callRoutes[0]).toMatchObject({ action: "refer", targetUri: "tel:+14155550123" });
    expect(callRoutes[1]).toMatchObject({ action: "accept", session: { type: "realtime", model: "gpt-realtime" } });
    expect(callRoutes[3]).toMatchObject({ maxDurationSeconds: 2 });
  });

  it("routes calls as declared once the router reads the stack (the --help example)", async () => {
    const help = execFileSync(process.execPath, [CLI, "router", "--help"], { encoding: "utf8" });
    const example = helpExamples(help).find((args) => args.includes("--stack"))!;
    expect(example.slice(1, 3)).toEqual(["--stack", "organization/sip-concierge/dev"]);
    // As printed, on a free port and this test's own redis-server (the in-process store without one).
    const args = example.slice(1).map((a) => (a === "8787" ? "0" : a.startsWith("redis://") ? (redis?.url ?? a) : a));
    const store = args.indexOf("--store");
    if (redis === undefined) args.splice(store, 2);
    router = await RouterProcess.start(args, {
      cwd: ws.dir,
      env: { ...ws.env(), ...env(), OPENAI_WEBHOOK_SECRET: secret },
    });
    tap.target = `${router.url}/webhook`;

    const gold = await calls.incoming({ To: "<sip:+14155550100@hotel.example>", From: "sip:+12125550111@carrier", "X-Tier": "gold" });
    const guest = await calls.incoming({ To: "sip:+14155550100@hotel.example", From: "sip:+12125550112@carrier" });
    const uk = await calls.incoming({ To: "sip:+14155550100@hotel.example", From: "<sip:+442071234567@uk.example>" });
    const other = await calls.incoming({ To: "sip:+16505550000@hotel.example", From: "sip:+12125550113@carrier" });
    const demo = await calls.incoming({ To: "sip:+18005550199@hotel.example", From: "sip:+12125550114@carrier" });

    expect((await calls.waitFor(gold, "accepted")).session?.["instructions"]).toMatch(/^You are Alex, the concierge/);
    expect((await calls.waitFor(guest, "accepted")).session?.["instructions"]).toMatch(/^You are the front desk/);
    expect((await calls.waitFor(uk, "referred")).refer_target).toBe("tel:+14155550123");
    expect(await router.decisionFor(uk)).toMatchObject({ route: 0, action: "refer", outcome: "ok" });
    expect((await calls.waitFor(other, "rejected")).reject_status_code).toBe(486);
    await calls.waitFor(demo, "accepted");
    await calls.waitFor(demo, "ended", 10_000);
    expect(await router.hangupFor(demo)).toMatchObject({ outcome: "ok", reason: "max_duration" });
    expect(await router.decisionFor(gold)).toMatchObject({ route: 1, action: "accept", outcome: "ok" });
    expect(await router.decisionFor(other)).toMatchObject({ route: 4, action: "reject", outcome: "ok" });
    const scan = new SecretScan().watch(API_KEY, "API key").watch(secret.slice("whsec_".length), "webhook secret key");
    scan.check("router output", router.stdout + router.stderr);
    await scan.checkWorkspace(ws);
    await scan.checkEmulator(emulator);
    scan.assertClean();
  });
});
