// The package as a user installs it: the tarball `npm pack` makes, unpacked into a project's
// node_modules beside the project's own dependencies. The commands of docs/policies.md and
// docs/validate.md run there as printed: `pulumi preview --policy-pack
// node_modules/pulumi-openai-realtime/policy` and `npx pulumi-openai-realtime validate ...` with
// the pages' own example files and output. The pack blocks a violating stack naming every
// violated policy and passes a compliant one with nothing reported (the pack run from the repo's
// policy/ folder, with other settings, is policy-pack.test.ts's).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeModulesBin } from "../../../scripts/local-pulumi.js";
import { TestEmulator } from "../../helpers/emulator";
import { installPacked, packPackage } from "../config/packed";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { readmeSnippet, shellCommands } from "../../helpers/readme";

const execFileAsync = promisify(execFile);

// The CLI prints `[mandatory] [severity: high]  <policy>` before each violation.
function policyLine(level: string, name: string): RegExp {
  return new RegExp(`\\[${level}\\] \\[severity: (low|medium|high|critical)\\]  ${name} `);
}

describe("installed package", { timeout: 300_000 }, () => {
  let ws: PulumiWorkspace;
  let emulator: TestEmulator;
  let installed: string;
  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: "sk-test-installed" });
    ws = await PulumiWorkspace.create("test/integration/policy/stack", {
      env: { OPENAI_API_KEY: "sk-test-installed", OPENAI_BASE_URL: emulator.url },
    });
    installed = await installPacked(ws.dir, await packPackage());
  });
  afterAll(async () => {
    await ws?.dispose();
    await emulator?.close();
  });

  it("ships the policy pack and the compiled rules, with no @pulumi/pulumi of its own", () => {
    for (const file of ["policy/PulumiPolicy.yaml", "policy/package.json", "policy/index.js", "dist/rules/index.js"]) {
      expect(fs.existsSync(path.join(installed, file)), file).toBe(true);
    }
    expect(fs.existsSync(path.join(installed, "node_modules"))).toBe(false);
  });

  it("blocks a violating stack with the documented `pulumi preview --policy-pack ...`, naming each violated policy with its id, and passes a compliant one", async () => {
    // docs/policies.md prints it, and the README's taste of the pack the same.
    expect(readmeSnippet("readme-policy-pack-preview").code).toBe(readmeSnippet("policy-pack-preview").code);
    const [command] = shellCommands(readmeSnippet("policy-pack-preview"));
    expect(command).toEqual(["pulumi", "preview", "--policy-pack", "node_modules/pulumi-openai-realtime/policy"]);
    await ws.setConfig("scenario", "violating");
    const preview = await ws.run(command!.slice(1));
    expect(preview.code).not.toBe(0);
    const out = preview.output;
    expect(out).toContain("openai-realtime@v0.1.0 (local: node_modules/pulumi-openai-realtime/policy)");
    // Each violated policy's line, then its message (token endpoints judged over the stack
    // output while their template's session is still unknown).
    const violations: Array<[string, string]> = [
      ["allowed-models", "OAIRT001: session.model 'gpt-4o-realtime-preview' is not an allowed model."],
      ["allowed-transcription-models", "OAIRT002: session.audio.input.transcription.model 'whisper-large' is not an allowed transcription model."],
      ["client-secret-max-ttl", "OAIRT003: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds."],
      [
        "disallow-credentials-in-instructions",
        "OAIRT005: session.instructions contains what looks like an OpenAI API key; credentials must not be placed in text the model reads.",
      ],
      ["enforce-mcp-approval", "OAIRT006: session.tools[0].require_approval lets 'https://mcp.example.com' run tools without approval"],
      ["model-field-compatibility", "OAIRT010: session.audio.output is not accepted here: output_modalities is ['text']"],
      ["token-endpoint-max-ttl", "OAIRT011: tokenEndpoints.open: expiresAfterSeconds 3600 exceeds the maximum of 300 seconds."],
      ["disallow-wildcard-origin", "OAIRT012: tokenEndpoints.open: allowedOrigins[0] is '*': any web page could mint tokens"],
      ["disallow-unauthenticated-token-endpoint", "OAIRT013: tokenEndpoints.open: auth is 'none': anyone who can reach this endpoint mints tokens"],
    ];
    for (const [policy, message] of violations) {
      expect(out).toMatch(policyLine("mandatory", `openai-realtime-${policy}`));
      expect(out).toContain(message);
    }
    // The long-lived secret sets a rotation window, so the advisory rotation rule stays quiet.
    expect(out).not.toContain("openai-realtime-client-secret-missing-rotation");
    // The messages name the kind of credential, never the value (the diff shows the inputs).
    const messages = out.split("\n").filter((line) => /^\s*OAIRT\d{3}: /.test(line));
    expect(messages).toHaveLength(violations.length);
    expect(messages.join("\n")).not.toContain("TESTONLY");

    await ws.setConfig("scenario", "compliant");
    const clean = await ws.run(["preview", "--policy-pack", "node_modules/pulumi-openai-realtime/policy"]);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.output).not.toContain("[mandatory]");
    expect(clean.output).not.toContain("[advisory]");
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("reads the README's policy config with --policy-pack-config", async () => {
    const config = readmeSnippet("policy-config").code;
    fs.writeFileSync(path.join(ws.dir, "policy-config.json"), config);
    await ws.setConfig("scenario", "compliant");
    // The example remediates the TTL to 300 seconds, so the compliant stack's 600 s secret is clamped.
    const preview = await ws.run([
      "preview",
      "--diff",
      "--policy-pack",
      "node_modules/pulumi-openai-realtime/policy",
      "--policy-pack-config",
      "policy-config.json",
    ]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/expiresAfterSeconds: 300\n/);
    expect(preview.output).not.toMatch(/expiresAfterSeconds: 600\n/);
  });

  async function sh(command: string): Promise<{ code: number; stdout: string }> {
    const env = { ...process.env, PATH: `${path.join(ws.dir, "node_modules", ".bin")}:${nodeModulesBin}:${process.env.PATH ?? ""}` };
    try {
      const { stdout } = await execFileAsync("sh", ["-c", command], { cwd: ws.dir, env });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string };
      return { code: e.code ?? 1, stdout: e.stdout ?? "" };
    }
  }

  it("runs the README's validate example as printed", async () => {
    const command = readmeSnippet("validate-command").code.trim();
    fs.writeFileSync(path.join(ws.dir, "realtime.yaml"), readmeSnippet("validate-yaml").code);
    expect(await sh(command)).toEqual({ code: 1, stdout: readmeSnippet("validate-output").code });

    fs.writeFileSync(path.join(ws.dir, "realtime.yaml"), readmeSnippet("validate-suppressed-yaml").code);
    expect(await sh(command)).toEqual({ code: 0, stdout: readmeSnippet("validate-suppressed-output").code });

    const sarif = await sh(readmeSnippet("validate-sarif-command").code.trim());
    expect(sarif.code).toBe(0);
    const log = JSON.parse(fs.readFileSync(path.join(ws.dir, "realtime.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ justification: string }> }> }>;
    };
    expect(log.runs[0]?.results).toEqual([
      expect.objectContaining({
        ruleId: "OAIRT003",
        suppressions: [expect.objectContaining({ justification: "kiosk screens keep one token per shift (until 2099-12-31)" })],
      }),
    ]);
  });
});
