// examples/client-secret as a user runs it: up, then its step2 edit.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestClock } from "../../helpers/clock";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-example-test-key-5d21";
// A fixed clock for the emulator and the provider, so the expiry is exact.
const clock = new TestClock();

describe("examples/client-secret", { timeout: 300_000 }, () => {
  const stack = useStack("examples/client-secret", API_KEY, { emulator: { now: clock.now } });
  let first: Record<string, unknown>;

  it("deploys a template and a ten-minute secret", async () => {
    const up = await stack.ws.up(clock.env());
    expect(up.code, up.output).toBe(0);
    first = await stack.ws.outputs(true);
    expect(first.model).toBe("gpt-realtime");
    expect(first.token).toMatch(/^ek_/);
    expect(first.tokenExpiresAt).toBe(clock.seconds + 600);
  });

  // (Destroying what the example made is the lifecycle test's claim; it is not repeated here.)
  it("step2 replaces the template and re-mints the secret", async () => {
    stack.ws.write("index.ts", fs.readFileSync(path.join(repoRoot, "examples/client-secret/step2/index.ts"), "utf8"));
    const up = await stack.ws.up(clock.env());
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("SessionTemplate support replaced");
    expect(up.output).toContain("ClientSecret browser replaced");
    const after = await stack.ws.outputs(true);
    expect(after.revision).not.toBe(first.revision);
    expect(after.token).not.toBe(first.token);
  });
});
