// Every rule file, export, id, name, catalogue entry, docs/policies.md entry and test line up.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import * as rules from "../../../src/rules";
import { CATALOGUE_URL, RULES, RULE_NAME_PREFIX, helpUrl, renderCatalogue, withCatalogue } from "../../../src/rules";
import { anchorsOf } from "../../helpers/markdown";

const root = path.resolve(__dirname, "../../..");
const RULES_DIR = path.join(root, "src/rules");
// Files of src/rules that hold shared support, not a rule.
const SUPPORT = new Set([
  "catalogue.ts",
  "catalogue-markdown.ts",
  "credential-patterns.ts",
  "field-compatibility.ts",
  "index.ts",
  "policy-config.ts",
  "rule.ts",
  "session-shape.ts",
  "token-endpoint-subject.ts",
]);
const camel = (file: string) => file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const ruleFiles = fs
  .readdirSync(RULES_DIR)
  .filter((f) => f.endsWith(".ts") && !SUPPORT.has(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

describe("rule catalogue", () => {
  it("has one rule per file, each in the catalogue", () => {
    expect(ruleFiles).toEqual(RULES.map((r) => r.name.slice(RULE_NAME_PREFIX.length)).sort());
  });

  it.each(ruleFiles)("%s: file, export, policy name and test share one name", (file) => {
    const exported = (rules as Record<string, unknown>)[camel(file)];
    expect(RULES).toContain(exported);
    const rule = exported as (typeof RULES)[number];
    expect(rule.name).toBe(`${RULE_NAME_PREFIX}${file}`);
    const test = fs.readFileSync(path.join(__dirname, `${file}.test.ts`), "utf8");
    expect(test).toContain(`describe("${rule.name}"`);
    expect(test).toContain(`import { ${camel(file)} } from "../../../src/rules"`);
  });

  it("numbers ids OAIRT001.. in catalogue order, without gaps or repeats", () => {
    expect(RULES.map((r) => r.id)).toEqual(RULES.map((_, i) => `OAIRT${String(i + 1).padStart(3, "0")}`));
  });

  it("gives every rule a verb-led name, one-sentence description, remediation, severity and config schema", () => {
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^openai-realtime-(allowed|missing|disallow|enforce|client-secret|token-endpoint|model)-[a-z-]+$/);
      expect(rule.description).toMatch(/^[A-Z][^.]*\.$/);
      expect(rule.remediation.length).toBeGreaterThan(20);
      expect(["low", "medium", "high", "critical"]).toContain(rule.severity);
      expect(["mandatory", "advisory"]).toContain(rule.enforcementLevel);
      expect(rule.configSchema.properties).toBeTypeOf("object");
      expect(rule.kinds.length).toBeGreaterThan(0);
    }
  });

  it("marks exactly the advisory rules the pack documents as advisory", () => {
    expect(RULES.filter((r) => r.enforcementLevel === "advisory").map((r) => r.name)).toEqual([
      "openai-realtime-client-secret-missing-rotation",
      "openai-realtime-allowed-voices",
      "openai-realtime-missing-output-token-limit",
      "openai-realtime-disallow-deprecated-endpoints",
    ]);
  });

  it("keeps docs/policies.md's catalogue generated from the rules (npm run docs:rules)", () => {
    const page = fs.readFileSync(path.join(root, "docs/policies.md"), "utf8");
    expect(page).toContain(renderCatalogue());
    expect(withCatalogue(page)).toBe(page);
  });

  it("points each help URL at its heading in docs/policies.md", () => {
    const page = fs.readFileSync(path.join(root, "docs/policies.md"), "utf8");
    const anchors = anchorsOf(page);
    expect(CATALOGUE_URL).toMatch(/^https:\/\/.*\/docs\/policies\.md$/);
    for (const rule of RULES) {
      expect(page).toContain(`\n#### ${rule.id} ${rule.name}\n`);
      const [url, anchor] = helpUrl(rule).split("#");
      expect(url).toBe(CATALOGUE_URL);
      expect(anchors, helpUrl(rule)).toContain(anchor);
    }
  });
});
