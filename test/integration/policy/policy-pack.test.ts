// The shipped policy pack (policy/) through the real CLI: blocks a violating stack naming each
// policy, passes a compliant one, reads --policy-pack-config, warns for advisory rules and clamps
// a TTL with enforcement `remediate`.
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

  it("passes a compliant stack", async () => {
    await stack.ws.setConfig("scenario", "compliant");
    const preview = await stack.ws.preview(["--policy-pack", PACK]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/openai-realtime\|local\|\S+\s+0\.1\.0/);
    expect(preview.output).not.toContain("[mandatory]");
    expect(preview.output).not.toContain("[advisory]");
  });

  it("fails a violating stack, naming each violated policy with its id", async () => {
    await stack.ws.setConfig("scenario", "violating");
    const preview = await stack.ws.preview(["--policy-pack", PACK]);
    expect(preview.code).not.toBe(0);
    const out = preview.output;
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-allowed-models"));
    expect(out).toContain("OAIRT001: session.model 'gpt-4o-realtime-preview' is not an allowed model.");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-allowed-transcription-models"));
    expect(out).toContain("OAIRT002: session.audio.input.transcription.model 'whisper-large' is not an allowed transcription model.");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-client-secret-max-ttl"));
    expect(out).toContain("OAIRT003: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds.");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-disallow-credentials-in-instructions"));
    expect(out).toContain(
      "OAIRT005: session.instructions contains what looks like an OpenAI API key; credentials must not be placed in text the model reads.",
    );
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-enforce-mcp-approval"));
    expect(out).toContain("OAIRT006: session.tools[0].require_approval lets 'https://mcp.example.com' run tools without approval");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-model-field-compatibility"));
    expect(out).toContain("OAIRT010: session.audio.output is not accepted here: output_modalities is ['text']");
    // Token endpoints, judged over the stack output while their template's session is still unknown.
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-token-endpoint-max-ttl"));
    expect(out).toContain("OAIRT011: tokenEndpoints.open: expiresAfterSeconds 3600 exceeds the maximum of 300 seconds.");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-disallow-wildcard-origin"));
    expect(out).toContain("OAIRT012: tokenEndpoints.open: allowedOrigins[0] is '*': any web page could mint tokens");
    expect(out).toMatch(policyLine("mandatory", "openai-realtime-disallow-unauthenticated-token-endpoint"));
    expect(out).toContain("OAIRT013: tokenEndpoints.open: auth is 'none': anyone who can reach this endpoint mints tokens");
    // The long-lived secret sets a rotation window, so the advisory rotation rule stays quiet.
    expect(out).not.toContain("openai-realtime-client-secret-missing-rotation");
    // The messages name the kind of credential, never the value (the diff shows the inputs).
    const messages = out.split("\n").filter((line) => /^\s*OAIRT\d{3}: /.test(line));
    expect(messages).toHaveLength(9);
    expect(messages.join("\n")).not.toContain("TESTONLY");
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

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
    const up = await stack.ws.run(["up", "--yes", "--policy-pack", PACK, "--policy-pack-config", config]);
    expect(up.code, up.output).toBe(0);
    const { resources } = await stack.ws.exportState();
    const web = resources.find((r) => r.urn.endsWith("::web"));
    expect(web?.inputs?.expiresAfterSeconds).toBe(600);
    expect(web?.inputs?.rotateBeforeSeconds).toBe(100);
    const outputs = web?.outputs as { expiresAt: number } | undefined;
    expect(outputs?.expiresAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);
  });
});
