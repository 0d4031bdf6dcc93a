import { findRule, type AnyRule } from "../../rules";

/** The comment that suppresses a rule on one entry, as Checkov and Trivy users know it. */
export const SUPPRESSION_PREFIX = "openai-realtime:ignore";

/** A suppression read from an entry's comments. */
export interface Suppression {
  rule: AnyRule;
  reason: string;
  /** Last day (UTC, inclusive) the suppression holds, `YYYY-MM-DD`. */
  until?: string;
}

/** Reading an entry's comments yields suppressions and the mistakes in malformed ones. */
export interface ParsedSuppressions {
  suppressions: Suppression[];
  errors: string[];
}

const USAGE = `# ${SUPPRESSION_PREFIX} <rule-id> <reason> [until: YYYY-MM-DD]`;
const UNTIL = /\buntil:\s*(\S+)/;

/**
 * Reads `# openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD]` lines from an entry's
 * comments (without `#`). A reason is required; a malformed line is an error, never ignored.
 *
 * @example
 * parseSuppressions(["openai-realtime:ignore OAIRT003 kiosk needs an hour until: 2026-12-31"]);
 * // { suppressions: [{ rule: clientSecretMaxTtl, reason: "kiosk needs an hour", until: "2026-12-31" }], errors: [] }
 */
export function parseSuppressions(comments: readonly string[]): ParsedSuppressions {
  const out: ParsedSuppressions = { suppressions: [], errors: [] };
  for (const comment of comments) {
    if (!comment.startsWith(SUPPRESSION_PREFIX)) continue;
    const [ruleId = "", ...words] = comment.slice(SUPPRESSION_PREFIX.length).trim().split(/\s+/);
    let rest = words.join(" ");
    if (ruleId === "") {
      out.errors.push(`A suppression must name a rule: ${USAGE}.`);
      continue;
    }
    const rule = findRule(ruleId);
    if (rule === undefined) {
      out.errors.push(`Unknown rule '${ruleId}' in a suppression; use a rule id such as OAIRT003: ${USAGE}.`);
      continue;
    }
    let until: string | undefined;
    const match = UNTIL.exec(rest);
    if (match !== null) {
      until = match[1] ?? "";
      rest = rest.replace(match[0], "").trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(`${until}T00:00:00Z`))) {
        out.errors.push(`The suppression of ${rule.id} has 'until: ${until}'; write the date as YYYY-MM-DD.`);
        continue;
      }
    }
    const reason = rest.replace(/^[-:\s]+/, "").trim();
    if (reason === "") {
      out.errors.push(`The suppression of ${rule.id} needs a reason: ${USAGE}.`);
      continue;
    }
    out.suppressions.push(until === undefined ? { rule, reason } : { rule, reason, until });
  }
  return out;
}

/** True while `until` (inclusive) has not passed on `today` (`YYYY-MM-DD`, UTC). */
export function isActive(suppression: Suppression, today: string): boolean {
  return suppression.until === undefined || suppression.until >= today;
}
