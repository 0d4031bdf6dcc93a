import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOCS_URL, PACKAGE_URL, RULES, helpUrl, type Severity } from "../../rules";
import { displayPath, type Origin, type ValidationReport } from "./report";

// GitHub code scanning ranks security alerts by this score (CVSS-like, as a string).
const SECURITY_SEVERITY: Record<Severity, string> = { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" };

/** The loader's own checks, declared as rules so every result has a rule to point at. */
const LOADER_RULES: ReadonlyArray<{ id: Exclude<Origin, "rule">; text: string }> = [
  { id: "schema", text: "Fields follow the OpenAI Realtime API's request schemas." },
  { id: "reference", text: "Template names and ${env:NAME} references resolve." },
  { id: "duplicate", text: "Names and keys are given once." },
  { id: "syntax", text: "Files are well-formed YAML." },
  { id: "io", text: "Files can be read." },
  { id: "suppression", text: "Inline suppressions name a rule and give a reason." },
];
/** Where docs/validate.md describes the loader's checks. */
const LOADER_HELP_URL = `${DOCS_URL}/validate.md#what-it-checks`;

function packageVersion(): string {
  // package.json is three levels up from both src/cli/validate and dist/cli/validate.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function driverRules() {
  const policies = RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.remediation}` },
    helpUri: helpUrl(rule),
    help: {
      text: `${rule.remediation} See ${helpUrl(rule)}`,
      markdown: `${rule.remediation}\n\n[${rule.id} ${rule.name}](${helpUrl(rule)})`,
    },
    defaultConfiguration: { level: rule.enforcementLevel === "mandatory" ? "error" : "warning" },
    properties: { tags: ["security", "openai-realtime"], "security-severity": SECURITY_SEVERITY[rule.severity], precision: "very-high" },
  }));
  const loader = LOADER_RULES.map(({ id, text }) => ({
    id,
    name: `realtime-yaml-${id}`,
    shortDescription: { text },
    helpUri: LOADER_HELP_URL,
    help: { text: `${text} See ${LOADER_HELP_URL}` },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["correctness", "openai-realtime"], precision: "very-high" },
  }));
  return [...policies, ...loader];
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules` (so alerts close when
 * fixed), results with physical locations, suppressed results with an in-source justification.
 *
 * @example
 * fs.writeFileSync("validate.sarif", formatSarif(report, process.cwd()));
 */
export function formatSarif(report: ValidationReport, cwd: string): string {
  const rules = driverRules();
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.results.map((r) => ({
    ruleId: r.ruleId,
    ruleIndex: index.get(r.ruleId) ?? 0,
    level: r.level,
    message: { text: r.entry === undefined ? r.message : `${r.entry}: ${r.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: displayPath(r.file, cwd) },
          region: { startLine: r.line, startColumn: r.column },
        },
        logicalLocations: [{ fullyQualifiedName: r.path, kind: "member" }],
      },
    ],
    ...(r.suppressed === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: "inSource",
              status: "accepted",
              justification: r.suppressed.until === undefined ? r.suppressed.reason : `${r.suppressed.reason} (until ${r.suppressed.until})`,
            },
          ],
        }),
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pulumi-openai-realtime",
            version: packageVersion(),
            informationUri: PACKAGE_URL,
            rules,
          },
        },
        artifacts: report.files.map((file) => ({ location: { uri: displayPath(file, cwd) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
