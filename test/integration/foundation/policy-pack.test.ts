// Policy packs start through the repo's language host (RunPlugin) and judge
// resources at preview.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { PulumiWorkspace } from "../../helpers/pulumi";

const PACK = path.join(repoRoot, "test/fixtures/policy-smoke");

describe("pulumi preview --policy-pack", { timeout: 180_000 }, () => {
  let ws: PulumiWorkspace;
  beforeAll(async () => {
    ws = await PulumiWorkspace.create("test/fixtures/dynamic-smoke");
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it("passes a compliant program", async () => {
    const preview = await ws.preview(["--policy-pack", PACK]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/Policy Packs run:\n\s+Name\s+Version\n\s+policy-smoke\|local\|\S+\s+0\.0\.1/);
  });

  it("fails a violation with the policy's message", async () => {
    await ws.setConfig("who", "blocked");
    const preview = await ws.preview(["--policy-pack", PACK]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("[mandatory]  disallow-blocked-greeting");
    expect(preview.output).toContain("Greetings may not be addressed to 'blocked'.");
  });
});
