// Two stacks of one project on one file backend, updated at the same time:
// each ends with exactly its own resources and outputs, neither sees the
// other's, and both converge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../helpers/emulator";
import { PulumiWorkspace } from "../helpers/pulumi";
import { SecretScan } from "../helpers/secrets";

const API_KEY = "sk-concurrency-test-key-0d93aa";
const COUNT = 10;
const SECRET_TYPE = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";

describe("two stacks on one file backend updating at once", { timeout: 600_000 }, () => {
  let emulator: TestEmulator;
  let blue: PulumiWorkspace;
  let green: PulumiWorkspace;
  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    const env = { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url };
    blue = await PulumiWorkspace.create("test/fixtures/many-secrets", { stack: "blue", env });
    green = await PulumiWorkspace.create("test/fixtures/many-secrets", { stack: "green", env, stateDir: blue.stateDir });
    for (const [ws, label] of [[blue, "blue"], [green, "green"]] as const) {
      await ws.setConfig("count", String(COUNT));
      await ws.setConfig("label", label);
    }
  });
  afterAll(async () => {
    await green?.dispose();
    await blue?.dispose();
    await emulator?.close();
  });

  it("do not interfere", async () => {
    // Slow answers make the two updates overlap for certain.
    await emulator.faults({ rate: 1, statuses: [], latencyMs: 200 });
    const [a, b] = await Promise.all([blue.up(), green.up()]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    await emulator.faults({ rate: 0, statuses: [], latencyMs: 0 });

    const stacks = await blue.run(["stack", "ls", "--json"], { check: true });
    expect((JSON.parse(stacks.stdout) as Array<{ name: string }>).map((s) => s.name).sort()).toEqual(["blue", "green"]);

    const requests = await emulator.requestLog();
    for (const [ws, label] of [[blue, "blue"], [green, "green"]] as const) {
      const { resources } = await ws.exportState();
      const names = resources.filter((r) => r.type === SECRET_TYPE).map((r) => r.urn);
      expect(names.sort()).toEqual(
        Array.from({ length: COUNT }, (_, i) => `urn:pulumi:${label}::many-secrets::${SECRET_TYPE}::${label}-${i}`).sort(),
      );
      const outputs = await ws.outputs(true);
      expect(new Set(outputs.tokens as string[]).size).toBe(COUNT);
      expect(requests.split(`You are ${label} number`).length - 1).toBe(COUNT);
      const preview = await ws.preview(["--expect-no-changes"]);
      expect(preview.code, preview.output).toBe(0);
    }
    expect(await emulator.apiRequests()).toBe(2 * COUNT);
    const blueTokens = (await blue.outputs(true)).tokens as string[];
    const greenTokens = (await green.outputs(true)).tokens as string[];
    expect(blueTokens.filter((t) => greenTokens.includes(t))).toEqual([]);

    const scan = new SecretScan().watch(API_KEY, "API key");
    await scan.watchMintedTokens(blue);
    await scan.watchMintedTokens(green);
    expect(scan.watching).toBe(2 * COUNT + 1);
    scan.check("blue up output", a.output).check("green up output", b.output);
    await scan.checkWorkspace(blue);
    await scan.checkWorkspace(green);
    await scan.checkEmulator(emulator);
    scan.assertClean();
  });
});
