// Expiry-driven rotation: a token at its rotation point is planned as a
// replace (without API calls) and re-minted by `pulumi up`, and what depends
// on it receives the new value.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-rotation-test-key-77c2";
const CLIENT_SECRET = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex");

async function webSecret(ws: PulumiWorkspace) {
  const out = await ws.outputs(true);
  return { ...(out.webSecret as { value: string; expiresAt: number }), app: out.appFingerprint as string };
}

/** Waits until the wall clock passes unix second `at`. */
async function until(at: number): Promise<void> {
  const wait = at * 1000 - Date.now() + 250;
  if (wait > 0) await sleep(wait);
}

describe("rotation", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);

  it("re-mints a 10-second secret after it expires, and the dependent gets the new value", async () => {
    await stack.ws.setConfig("expiresAfterSeconds", "10");
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const first = await webSecret(stack.ws);
    expect(first.app).toBe(fingerprint(first.value));

    await until(first.expiresAt);
    await stack.emulator.reset();
    // Refresh reports the expiry in state, without asking the API.
    const refresh = await stack.ws.run(["refresh", "--yes"]);
    expect(refresh.code, refresh.output).toBe(0);
    const refreshed = (await stack.ws.exportState()).resources.find((r) => r.type === CLIENT_SECRET);
    expect(refreshed?.outputs?.expired).toBe(true);

    const preview = await stack.ws.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(await stack.emulator.apiRequests()).toBe(0);

    const rotate = await stack.ws.up();
    expect(rotate.code, rotate.output).toBe(0);
    expect(rotate.output).toContain("ClientSecret web replaced");
    expect(rotate.output).toContain("pulumi-nodejs:dynamic:Resource app replaced");
    expect(rotate.output).not.toContain("SessionTemplate concierge replaced");
    const second = await webSecret(stack.ws);
    expect(second.value).not.toBe(first.value);
    expect(second.expiresAt).toBeGreaterThan(first.expiresAt);
    expect(second.app).toBe(fingerprint(second.value));
  });

  it("re-mints early once inside rotateBeforeSeconds", async () => {
    await stack.ws.setConfig("expiresAfterSeconds", "20");
    await stack.ws.setConfig("rotateBeforeSeconds", "15");
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const minted = await webSecret(stack.ws);

    // Five seconds after minting, fifteen before expiry: due.
    await until(minted.expiresAt - 15);
    const preview = await stack.ws.preview();
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(Date.now() / 1000).toBeLessThan(minted.expiresAt);

    const rotate = await stack.ws.up();
    expect(rotate.code, rotate.output).toBe(0);
    const next = await webSecret(stack.ws);
    expect(next.value).not.toBe(minted.value);
    expect(next.app).toBe(fingerprint(next.value));
  });
});
