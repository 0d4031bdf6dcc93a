// `validate --format sarif` against the SARIF 2.1.0 JSON schema (as shipped in
// @microsoft/jest-sarif), with what GitHub code scanning needs: every rule declared, physical
// locations, help, and suppressions.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import Ajv04 from "ajv-draft-04";
import { beforeAll, describe, expect, it } from "vitest";
import { DOCS_URL, RULES } from "../../../src/rules";
import { anchorsOfFile } from "../../helpers/markdown";
import { cli } from "./cli";

const SCHEMA = createRequire(__filename).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
  suppressions?: Array<{ kind: string; justification: string }>;
}
interface SarifLog {
  version: string;
  runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; help: { text: string } }> } }; results: SarifResult[] }>;
}

describe("validate --format sarif", () => {
  let check: ReturnType<Ajv04["compile"]>;
  beforeAll(() => {
    // The schema has a language-tag pattern that is valid only without the u flag.
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    check = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")) as object);
  });

  async function sarif(file: string): Promise<{ code: number; log: SarifLog }> {
    const run = await cli(["validate", file, "--format", "sarif"]);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(check(log), JSON.stringify(check.errors, null, 2)).toBe(true);
    return { code: run.code, log };
  }

  it("is valid SARIF 2.1.0 with every rule declared, even with no results", async () => {
    const { code, log } = await sarif("good.yaml");
    expect(code).toBe(0);
    expect(log.version).toBe("2.1.0");
    // The schema check can fail: a log without a tool or with another version is refused.
    expect(check({ ...log, version: "2.0.0" })).toBe(false);
    expect(check({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
    const driver = log.runs[0]?.tool.driver;
    expect(driver?.name).toBe("pulumi-openai-realtime");
    const ids = driver?.rules.map((r) => r.id) ?? [];
    expect(ids).toEqual([...RULES.map((r) => r.id), "schema", "reference", "duplicate", "syntax", "io", "suppression"]);
    // Each rule's help is a page of docs/ (policies.md for the rules, validate.md for the loader's
    // checks), at a heading that page has.
    for (const rule of driver?.rules ?? []) {
      expect(rule.helpUri.startsWith(`${DOCS_URL}/`), rule.helpUri).toBe(true);
      const [page = "", anchor] = rule.helpUri.slice(DOCS_URL.length + 1).split("#");
      expect(page).toBe(RULES.some((r) => r.id === rule.id) ? "policies.md" : "validate.md");
      expect(anchor, rule.helpUri).toBeDefined();
      expect(anchorsOfFile(path.join(__dirname, "../../../docs", page)), rule.helpUri).toContain(anchor);
    }
    expect(log.runs[0]?.results).toEqual([]);
  });

  it("gives each result its rule, level and physical location", async () => {
    const { code, log } = await sarif("bad-policy.yaml");
    expect(code).toBe(1);
    const run = log.runs[0];
    const ttl = run?.results.find((r) => r.ruleId === "OAIRT003");
    expect(ttl).toMatchObject({
      level: "error",
      message: { text: "clientSecrets.web: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds." },
      locations: [{ physicalLocation: { artifactLocation: { uri: "bad-policy.yaml" }, region: { startLine: 19, startColumn: 5 } } }],
    });
    expect(run?.tool.driver.rules[ttl?.ruleIndex ?? -1]?.id).toBe("OAIRT003");
    expect(run?.results.find((r) => r.ruleId === "OAIRT008")?.level).toBe("warning");
  });

  it("locates token endpoint findings at their field, with the endpoint rules declared", async () => {
    const { code, log } = await sarif("token-endpoints.yaml");
    expect(code).toBe(1);
    const run = log.runs[0];
    const results = run?.results.map((r) => [
      r.ruleId,
      r.level,
      r.locations[0]?.physicalLocation.region.startLine,
      r.locations[0]?.physicalLocation.region.startColumn,
      r.suppressions?.[0]?.justification,
    ]);
    expect(results).toEqual([
      ["OAIRT011", "error", 13, 5, undefined],
      ["OAIRT012", "error", 14, 49, undefined],
      ["OAIRT013", "error", 18, 5, undefined],
      ["OAIRT013", "error", 22, 5, "the lobby screen has no credentials to send (until 2099-12-31)"],
      ["schema", "error", 23, 3, undefined],
      ["schema", "error", 25, 22, undefined],
    ]);
    expect(run?.results[1]?.message.text).toBe(
      "tokenEndpoints.web: allowedOrigins[1] is '*': any web page could mint tokens from this endpoint; list the app's origins instead.",
    );
    for (const result of run?.results ?? []) expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it("reports schema problems and broken files as results too", async () => {
    expect((await sarif("bad-schema.yaml")).log.runs[0]?.results.map((r) => r.ruleId)).toEqual(["schema", "reference"]);
    const broken = await sarif("broken.yaml");
    expect(broken.code).toBe(2);
    expect(broken.log.runs[0]?.results[0]?.ruleId).toBe("syntax");
  });

  it("marks suppressed results with an in-source justification", async () => {
    const { log } = await sarif("suppressed.yaml");
    const kiosk = log.runs[0]?.results.find((r) => r.message.text.startsWith("clientSecrets.kiosk"));
    expect(kiosk?.suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "kiosk screens hold one token per shift (until 2099-12-31)" },
    ]);
    const old = log.runs[0]?.results.find((r) => r.message.text.startsWith("clientSecrets.old"));
    expect(old?.suppressions).toBeUndefined();
  });
});
