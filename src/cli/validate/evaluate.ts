import type { ConfigEntry, LoadedConfig } from "../../config";
import { fieldName, isRecord, tokenEndpointSubject, type ResolvedRule, type RuleSubject } from "../../rules";
import type { ResourceKind } from "../../tokens";
import type { Origin, ValidationReport, ValidationResult } from "./report";
import { isActive, parseSuppressions } from "./suppressions";

const KIND_OF_SECTION: Record<string, ResourceKind | undefined> = {
  templates: "SessionTemplate",
  clientSecrets: "ClientSecret",
  realtimeSessions: "RealtimeSession",
  transcriptionSessions: "TranscriptionSession",
  translationClientSecrets: "TranslationClientSecret",
};

/**
 * What the rules judge for an entry: its resource arguments. A client secret that names a
 * `template` is judged without the session (the template entry carries those findings, once); a
 * call route that accepts with an inline `session` is judged like a template; a token endpoint is
 * judged on its declaration, as the pack judges the `tokenEndpoints` stack output.
 */
export function subjectOf(entry: ConfigEntry): RuleSubject | undefined {
  if (!isRecord(entry.value)) return undefined;
  if (entry.section === "tokenEndpoints") return tokenEndpointSubject(entry.value);
  if (entry.section === "callRoutes") {
    return isRecord(entry.value.session) ? { kind: "SessionTemplate", props: { session: entry.value.session } } : undefined;
  }
  const kind = KIND_OF_SECTION[entry.section];
  if (kind === undefined) return undefined;
  if (kind === "SessionTemplate") return { kind, props: { session: entry.value.session } };
  const { template: _template, ...props } = entry.value;
  return { kind, props };
}

const entryPath = (entry: ConfigEntry) => `${entry.section}.${entry.name}`;

function ruleResults(entry: ConfigEntry, rules: readonly ResolvedRule[], today: string): ValidationResult[] {
  const subject = subjectOf(entry);
  const { suppressions, errors } = parseSuppressions(entry.comments);
  const results: ValidationResult[] = errors.map((message) => ({
    ruleId: "suppression",
    origin: "suppression",
    level: "error",
    ...entry.location,
    entry: entryPath(entry),
    path: entryPath(entry),
    message,
  }));
  if (subject === undefined) return results;
  for (const { rule, level, config } of rules) {
    if (level === "disabled" || !rule.kinds.includes(subject.kind)) continue;
    for (const finding of rule.check(subject, config)) {
      const suppression = suppressions.find((s) => s.rule === rule);
      const expired = suppression !== undefined && !isActive(suppression, today);
      const result: ValidationResult = {
        ruleId: rule.id,
        ruleName: rule.name,
        origin: "rule",
        // `remediate` fixes the input at deploy time, so offline it only warns; a rule that cannot
        // fix (the pack then reports it as mandatory) fails.
        level: level === "mandatory" || (level === "remediate" && rule.remediate === undefined) ? "error" : "warning",
        ...entry.locate(finding.path),
        entry: entryPath(entry),
        path: finding.path.length === 0 ? entryPath(entry) : `${entryPath(entry)}.${fieldName(finding.path)}`,
        message: expired ? `${finding.message} (its suppression expired after ${suppression.until})` : finding.message,
      };
      if (suppression !== undefined && !expired) {
        result.suppressed =
          suppression.until === undefined ? { reason: suppression.reason } : { reason: suppression.reason, until: suppression.until };
      }
      results.push(result);
    }
  }
  return results;
}

/**
 * Runs the rules over a loaded realtime.yaml and merges their findings with the loader's problems,
 * in file and line order.
 *
 * @example
 * const report = evaluateConfig(loadRealtimeConfig("realtime.yaml"), rules, "2026-11-25");
 */
export function evaluateConfig(loaded: LoadedConfig, rules: readonly ResolvedRule[], today: string): ValidationReport {
  const problems: ValidationResult[] = loaded.problems.map((problem) => {
    const result: ValidationResult = {
      ruleId: problem.kind,
      origin: problem.kind as Origin,
      level: "error",
      file: problem.file,
      line: problem.line,
      column: problem.column,
      path: problem.path,
      message: problem.message,
    };
    if (problem.entry !== undefined) result.entry = problem.entry;
    return result;
  });
  // A field the schemas already refuse needs no second report from a rule.
  const refused = new Set(loaded.problems.filter((p) => p.kind === "schema").map((p) => p.path));
  const findings = loaded.entries
    .flatMap((entry) => ruleResults(entry, rules, today))
    .filter((result) => result.origin !== "rule" || !refused.has(result.path));
  const order = new Map(loaded.files.map((file, index) => [file, index]));
  const results = [...problems, ...findings].sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column,
  );
  const unusable = loaded.problems.some((p) => p.kind === "io" || p.kind === "syntax");
  return { files: loaded.files, results, unusable };
}
