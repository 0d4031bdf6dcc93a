// examples/client-secret as a user runs it: up, then its step2 edit.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-example-test-key-5d21";

describe("examples/client-secret", { timeout: 300_000 }, () => {
  const stack = useStack("examples/client-secret", API_KEY);

  it("deploys a template and an hour-long secret", async () => {
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const out = await stack.ws.outputs(true);
    expect(out.model).toBe("gpt-realtime");
    expect(out.token).toMatch(/^ek_/);
    expect((out.tokenExpiresAt as number) - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it("step2 replaces the template and re-mints the secret", async () => {
    const before = await stack.ws.outputs(true);
    stack.ws.write("index.ts", fs.readFileSync(path.join(repoRoot, "examples/client-secret/step2/index.ts"), "utf8"));
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("SessionTemplate support replaced");
    expect(up.output).toContain("ClientSecret browser replaced");
    const after = await stack.ws.outputs(true);
    expect(after.revision).not.toBe(before.revision);
    expect(after.token).not.toBe(before.token);
    const destroy = await stack.ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});
