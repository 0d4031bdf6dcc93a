import { validate } from "../schemas/issues";
import { describeValue, joinValues } from "../schemas/issue-text";
import { entryId, parseFieldPath } from "./paths";
import { ENTRY_SCHEMAS, MISSING_AUTH_HINT } from "./schema";
import type { ConfigEntry, ConfigProblem } from "./types";
import { isRecord } from "../values";

const ROUTE_ACTIONS = ["accept", "refer", "reject"] as const;


/**
 * Validates one entry with its section's schema. Returns the parsed value,
 * or undefined after adding one problem per issue, each at the field's
 * position.
 */
export function checkEntry(entry: ConfigEntry, problems: ConfigProblem[]): unknown {
  const id = entryId(entry.section, entry.name);
  const problem = (path: string, message: string): ConfigProblem => ({
    kind: "schema",
    ...entry.locate(parseFieldPath(path.slice(id.length))),
    path,
    entry: id,
    message,
  });
  // A route's `action` picks its schema; without this check a wrong action
  // would be reported against the whole route rather than the field.
  if (entry.section === "callRoutes" && isRecord(entry.value)) {
    const action = entry.value["action"];
    if (!(ROUTE_ACTIONS as readonly unknown[]).includes(action)) {
      const path = `${id}.action`;
      problems.push(
        problem(
          path,
          action === undefined
            ? `Missing required parameter: '${path}'. Supported values are: ${joinValues(ROUTE_ACTIONS)}.`
            : `Invalid value for '${path}': ${describeValue(action)}. Supported values are: ${joinValues(ROUTE_ACTIONS)}.`,
        ),
      );
      return undefined;
    }
  }
  const result = validate(ENTRY_SCHEMAS[entry.section], entry.value, id);
  if (result.ok) return result.value;
  for (const issue of result.issues) {
    // An endpoint's `auth` has no default on purpose: say what may be written.
    const hint = entry.section === "tokenEndpoints" && issue.path === `${id}.auth` && issue.code === "missing_required_parameter";
    problems.push(problem(issue.path, hint ? `${issue.message} ${MISSING_AUTH_HINT}` : issue.message));
  }
  return undefined;
}

/**
 * Checks that every `template:` (of a client secret, a token endpoint or an
 * accept route) names an entry of `templates`.
 */
export function checkTemplateReferences(entries: readonly ConfigEntry[], problems: ConfigProblem[]): void {
  const templateEntries = entries.filter((entry) => entry.section === "templates");
  const templates = templateEntries.map((entry) => entry.name);
  const sessionType = (name: string): unknown => {
    const value = templateEntries.find((entry) => entry.name === name)?.value;
    return isRecord(value) && isRecord(value["session"]) ? value["session"]["type"] : undefined;
  };
  for (const entry of entries) {
    if (entry.section !== "clientSecrets" && entry.section !== "tokenEndpoints" && entry.section !== "callRoutes") continue;
    if (!isRecord(entry.value)) continue;
    const template = entry.value["template"];
    if (typeof template !== "string" || template === "") continue;
    const id = entryId(entry.section, entry.name);
    const path = `${id}.template`;
    if (templates.includes(template)) {
      // A call is answered by a model: a transcription session cannot accept it.
      const type = sessionType(template);
      if (entry.section === "callRoutes" && type === "transcription") {
        problems.push({
          kind: "reference",
          ...entry.locate(["template"]),
          path,
          entry: id,
          message: `Invalid template ${describeValue(template)} in '${path}': an accept route needs a template with session type 'realtime', not 'transcription'.`,
        });
      }
      continue;
    }
    const defined =
      templates.length === 0 ? "No templates are defined." : `Defined templates are: ${joinValues(templates)}.`;
    problems.push({
      kind: "reference",
      ...entry.locate(["template"]),
      path,
      entry: id,
      message: `Unknown template ${describeValue(template)} in '${path}'. ${defined}`,
    });
  }
}
