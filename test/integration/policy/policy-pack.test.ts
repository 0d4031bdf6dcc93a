// The shipped policy pack (policy/) through the real CLI: reads --policy-pack-config, warns for
// advisory rules without failing, and clamps a TTL with enforcement `remediate` on `pulumi up`.
// That it blocks a violating stack naming each policy, and passes a compliant one reporting
// nothing, is proven on the same stack with the pack as users install it
// (installed-package.test.ts); the demo's stack passes it too (demo.test.ts).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { useStack } from "../../helpers/stack";

const PACK = path.join(repoRoot, "policy");
const API_KEY = "sk-test-policy-pack";

// The CLI prints `[mandatory] [severity: high]  <policy>` before each violation.
function policyLine(level: string, name: string): RegExp {
  return new RegExp(`\\[${level}\\] \\[severity: (low|medium|high|critical)\\]  ${name} `);
}

function configFile(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-policy-config-"));
  const file = path.join(dir, "policy-config.json");
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("pulumi preview --policy-pack policy/", { timeout: 300_000 }, () => {
  const stack = useStack("test/integration/policy/stack", API_KEY);

  it("reads thresholds from --policy-pack-config", async () => {
    await stack.ws.setConfig("scenario", "compliant");
    const config = configFile({
      "openai-realtime-client-secret-max-ttl": { maxSeconds: 300 },
      "openai-realtime-token-endpoint-max-ttl": { maxSeconds: 30 },
    });
    const preview = await stack.ws.preview(["--policy-pack", PACK, "--policy-pack-config", config]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("OAIRT003: expiresAfterSeconds 600 exceeds the maximum of 300 seconds.");
    expect(preview.output).toContain("OAIRT011: tokenEndpoints.web: expiresAfterSeconds 60 exceeds the maximum of 30 seconds.");
  });

  it("warns for advisory rules without failing", async () => {
    await stack.ws.setConfig("scenario", "advisory");
    const preview = await stack.ws.preview(["--policy-pack", PACK]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/openai-realtime\|local\|\S+\s+0\.1\.0/);
    expect(preview.output).toMatch(policyLine("advisory", "openai-realtime-disallow-deprecated-endpoints"));
    expect(preview.output).toContain(
      "OAIRT009: RealtimeSession uses POST /realtime/sessions, which OpenAI removed on 2026-05-12; use a ClientSecret with a realtime session instead.",
    );
    expect(preview.output).toMatch(policyLine("advisory", "openai-realtime-missing-output-token-limit"));
    expect(preview.output).not.toContain("[mandatory]");
  });

  it("clamps a TTL to the maximum with enforcement remediate", async () => {
    await stack.ws.setConfig("scenario", "long-ttl");
    const config = configFile({ "openai-realtime-client-secret-max-ttl": "remediate" });
    const up = await stack.ws.run(["up", "--yes", "--skip-preview", "--policy-pack", PACK, "--policy-pack-config", config]);
    expect(up.code, up.output).toBe(0);
    const { resources } = await stack.ws.exportState();
    const web = resources.find((r) => r.urn.endsWith("::web"));
    expect(web?.inputs?.expiresAfterSeconds).toBe(600);
    expect(web?.inputs?.rotateBeforeSeconds).toBe(100);
    const outputs = web?.outputs as { expiresAt: number } | undefined;
    expect(outputs?.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);
  });
});
