import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateConfig } from "../../../../src/cli/validate/evaluate";
import { loadRealtimeConfig } from "../../../../src/config";
import { resolvePolicyConfig } from "../../../../src/rules";

function report(yaml: string, config: unknown = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-evaluate-"));
  const file = path.join(dir, "realtime.yaml");
  fs.writeFileSync(file, yaml);
  const policy = resolvePolicyConfig(config);
  if (!policy.ok) throw new Error(policy.errors.join("\n"));
  return evaluateConfig(loadRealtimeConfig(file, { includeDir: false }), policy.rules, "2026-11-25");
}

const TEMPLATE = "templates:\n  concierge:\n    session: { type: realtime, model: gpt-realtime, max_output_tokens: 512 }\n";

describe("evaluateConfig", () => {
  it("judges a call route's inline session like a template", () => {
    const { results } = report(
      `${TEMPLATE}callRoutes:\n  - match: { from: "*" }\n    action: accept\n    session: { type: realtime, model: gpt-4o-realtime-preview, max_output_tokens: 512 }\n`,
    );
    expect(results.map((r) => [r.ruleId, r.path, r.line])).toEqual([["OAIRT001", "callRoutes.0.session.model", 7]]);
  });

  it("judges a client secret's template once, on the template", () => {
    const { results } = report(
      "templates:\n  concierge:\n    session: { type: realtime, model: gpt-4o-realtime-preview, max_output_tokens: 512 }\n" +
        "clientSecrets:\n  a: { template: concierge }\n  b: { template: concierge }\n",
    );
    expect(results.map((r) => r.path)).toEqual(["templates.concierge.session.model"]);
  });

  it("reads a suppression trailing on the entry's key line", () => {
    const { results } = report(
      `${TEMPLATE}clientSecrets:\n  web: # openai-realtime:ignore OAIRT003 one-off demo until: 2026-12-01\n    template: concierge\n    expiresAfterSeconds: 3600\n    rotateBeforeSeconds: 60\n`,
    );
    expect(results).toEqual([
      expect.objectContaining({ ruleId: "OAIRT003", suppressed: { reason: "one-off demo", until: "2026-12-01" } }),
    ]);
  });

  it("does not run disabled rules and warns for remediate ones", () => {
    const yaml = `${TEMPLATE}clientSecrets:\n  web:\n    template: concierge\n    expiresAfterSeconds: 3600\n    rotateBeforeSeconds: 60\n`;
    expect(report(yaml, { OAIRT003: "disabled" }).results).toEqual([]);
    expect(report(yaml, { OAIRT003: "remediate" }).results.map((r) => r.level)).toEqual(["warning"]);
  });

  it("judges token endpoints on their declaration, and fails remediate for rules that cannot fix (as the pack does)", () => {
    const yaml = `${TEMPLATE}tokenEndpoints:\n  kiosk:\n    template: concierge\n    auth: none\n`;
    expect(report(yaml).results.map((r) => [r.ruleId, r.path, r.line, r.column, r.level])).toEqual([
      ["OAIRT013", "tokenEndpoints.kiosk.auth", 7, 5, "error"],
    ]);
    // The pack reports a violation of a rule without remediation as mandatory under `remediate`.
    expect(report(yaml, { all: "remediate" }).results.map((r) => r.level)).toEqual(["error"]);
  });
});
