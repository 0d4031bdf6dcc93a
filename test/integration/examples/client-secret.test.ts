// examples/client-secret as a user runs it: up, then its step2 edit.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";

const API_KEY = "sk-example-test-key-5d21";

describe("examples/client-secret", { timeout: 300_000 }, () => {
  let emulator: TestEmulator;
  let ws: PulumiWorkspace;

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    ws = await PulumiWorkspace.create("examples/client-secret", {
      env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
    });
  });
  afterAll(async () => {
    await ws?.dispose();
    await emulator?.close();
  });

  it("deploys a template and an hour-long secret", async () => {
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    const out = await ws.outputs(true);
    expect(out.model).toBe("gpt-realtime");
    expect(out.token).toMatch(/^ek_/);
    expect((out.tokenExpiresAt as number) - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it("step2 replaces the template and re-mints the secret", async () => {
    const before = await ws.outputs(true);
    ws.write("index.ts", fs.readFileSync(path.join(repoRoot, "examples/client-secret/step2/index.ts"), "utf8"));
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("SessionTemplate support replaced");
    expect(up.output).toContain("ClientSecret browser replaced");
    const after = await ws.outputs(true);
    expect(after.revision).not.toBe(before.revision);
    expect(after.token).not.toBe(before.token);
    const destroy = await ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});
