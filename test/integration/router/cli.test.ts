// `pulumi-openai-realtime router` as a user starts it: the --help examples
// as printed (on a free port), --config with template names, and start-up
// mistakes reported with the field and exit code.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { readmeSnippet, shellCommands } from "../../helpers/readme";
import { Calls, CLI, helpExamples, RouterProcess, tempDir, testSecret, WebhookTap } from "./helpers";
import { API_KEY, ROUTES } from "./setup";

const run = promisify(execFile);

const REALTIME_YAML = `templates:
  concierge:
    session: { type: realtime, model: gpt-realtime, instructions: "You are the YAML concierge." }
callRoutes:
  - match: { to: "sip:+1415*", headers: { X-Tier: gold } }
    action: accept
    template: concierge
  - match: { from: "*" }
    action: reject
    statusCode: 486
`;

describe("router command", { timeout: 90_000 }, () => {
  const secret = testSecret();
  let emulator: TestEmulator;
  let tap: WebhookTap;
  let calls: Calls;
  let dir: string;
  const env = () => ({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url, OPENAI_WEBHOOK_SECRET: secret });

  async function cli(args: string[], extraEnv: Record<string, string | undefined> = {}) {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...env(), ...extraEnv })) if (v !== undefined) merged[k] = v;
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: dir, env: merged });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, "routes.json"), JSON.stringify(ROUTES));
    fs.writeFileSync(path.join(dir, "realtime.yaml"), REALTIME_YAML);
    tap = await new WebhookTap("").start();
    emulator = await TestEmulator.start({ apiKey: API_KEY, webhookUrl: tap.url, webhookSecret: secret });
    calls = new Calls(emulator.url);
  });

  afterAll(async () => {
    await emulator?.close();
    await tap?.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the --routes and --config examples of --help as printed", async () => {
    const help = await cli(["router", "--help"]);
    expect(help.code).toBe(0);
    const examples = helpExamples(help.stdout).filter((args) => !args.includes("--stack"));
    expect(examples.map((a) => a.slice(0, 3).join(" "))).toEqual(["router --routes routes.json", "router --config realtime.yaml"]);
    for (const args of examples) {
      // The printed port, swapped for a free one so parallel suites cannot collide.
      const router = await RouterProcess.start(args.slice(1).map((a) => (a === "8787" ? "0" : a)), { cwd: dir, env: env() });
      tap.target = `${router.url}/webhook`;
      const id = await calls.incoming({ To: "sip:+14155550123@x", From: "sip:+1", "X-Tier": "gold" });
      await calls.waitFor(id, "accepted");
      expect(await router.decisionFor(id)).toMatchObject({ route: 0, action: "accept", outcome: "ok" });
      expect(await router.stop()).toBe(0);
    }
  });

  it("prints in the README only commands its --help examples run", async () => {
    const examples = [
      ...helpExamples((await cli(["router", "--help"])).stdout),
      ...helpExamples((await cli(["calls", "--help"])).stdout),
    ].map((args) => args.join(" "));
    const blocks = { "router-commands": readmeSnippet("router-commands"), "calls-commands": readmeSnippet("calls-commands") };
    for (const [name, block] of Object.entries(blocks)) {
      const printed = shellCommands(block).map((args) => args.slice(1).join(" "));
      expect(printed.length, name).toBeGreaterThanOrEqual(3);
      for (const line of printed) expect(examples, `README ${name}: ${line}`).toContain(line);
    }
  });

  it("--config resolves accept routes to their template's session", async () => {
    const router = await RouterProcess.start(["--config", "realtime.yaml", "--port", "0"], { cwd: dir, env: env() });
    tap.target = `${router.url}/webhook`;
    const gold = await calls.incoming({ To: "sip:+14155550123@x", From: "sip:+1", "X-Tier": "gold" });
    const other = await calls.incoming({ To: "sip:+14155550123@x", From: "sip:+1" });
    expect((await calls.waitFor(gold, "accepted")).session?.["instructions"]).toBe("You are the YAML concierge.");
    expect((await calls.waitFor(other, "rejected")).reject_status_code).toBe(486);
    await router.stop();
  });

  it("reports start-up mistakes naming the field, without secrets", async () => {
    fs.writeFileSync(path.join(dir, "dangling.yaml"), REALTIME_YAML.replace("template: concierge", "template: conceirge"));
    const dangling = await cli(["router", "--config", "dangling.yaml", "--port", "0"]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(
      "--config dangling.yaml has 1 problem(s):\n  dangling.yaml:7:5 Unknown template 'conceirge' in 'callRoutes.0.template'. Defined templates are: 'concierge'.",
    );

    fs.writeFileSync(path.join(dir, "unresolved.json"), JSON.stringify([{ action: "accept", template: "concierge" }]));
    const unresolved = await cli(["router", "--routes", "unresolved.json", "--port", "0"]);
    expect(unresolved.code).toBe(1);
    expect(unresolved.stderr).toContain("callRoutes[0].session: an accept route needs the session to accept with (template 'concierge' is not resolved here)");

    const noSecret = await cli(["router", "--routes", "routes.json", "--port", "0"], { OPENAI_WEBHOOK_SECRET: undefined });
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain("No webhook secret: set OPENAI_WEBHOOK_SECRET");

    const noSource = await cli(["router", "--port", "0"]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain("give exactly one of --config, --routes, --stack (got none).");

    const noRedis = await cli(["router", "--routes", "routes.json", "--port", "0", "--store", "redis://:hunter2-store-pw@127.0.0.1:1/0"]);
    expect(noRedis.code).toBe(1);
    expect(noRedis.stderr).toContain("Cannot connect to Redis at 127.0.0.1:1");
    expect(noRedis.stderr).not.toContain("hunter2-store-pw");

    const output = dangling.stderr + unresolved.stderr + noSecret.stderr + noSource.stderr;
    expect(output).not.toContain(secret.slice("whsec_".length));
    expect(output).not.toContain(API_KEY);
  });
});
