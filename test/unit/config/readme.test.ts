// The realtime.yaml files the README and docs/realtime-yaml.md show are ones the loader accepts
// and `validate` reports nothing on, so a reader who copies one starts clean.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateConfig } from "../../../src/cli/validate/evaluate";
import { loadRealtimeConfig } from "../../../src/config";
import { resolvePolicyConfig } from "../../../src/rules";
import { readmeSnippet, type ReadmeSnippet } from "../../helpers/readme";

function load(block: ReadmeSnippet) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-readme-yaml-"));
  try {
    fs.writeFileSync(path.join(dir, "realtime.yaml"), block.code);
    const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { env: { COMPANY_NAME: "Example Corp" } });
    const policy = resolvePolicyConfig({});
    if (!policy.ok) throw new Error(policy.errors.join("\n"));
    const findings = evaluateConfig(loaded, policy.rules, "2026-12-02").results.map((r) => `${r.line}: ${r.ruleId} ${r.message}`);
    return { problems: loaded.problems, findings, entries: loaded.entries.map((e) => `${e.section}.${e.name}`) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("realtime.yaml in the docs", () => {
  it("docs/realtime-yaml.md: loads without problems, and validate finds nothing", () => {
    expect(load(readmeSnippet("realtime-yaml"))).toEqual({
      problems: [],
      findings: [],
      entries: ["templates.concierge", "clientSecrets.web", "tokenEndpoints.web", "callRoutes.0", "callRoutes.1"],
    });
  });

  it("README.md: loads without problems, and validate finds nothing", () => {
    expect(load(readmeSnippet("readme-realtime-yaml"))).toEqual({
      problems: [],
      findings: [],
      entries: ["templates.concierge", "clientSecrets.web", "callRoutes.0", "callRoutes.1"],
    });
  });
});
