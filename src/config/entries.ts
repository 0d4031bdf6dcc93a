import { isMap, isPair, isSeq, type Node } from "yaml";
import { kindOf } from "../schemas/issue-text";
import type { ParsedFile } from "./parse-file";
import { entryId } from "./paths";
import { commentsAbout, keyText, offsetOf, startOf } from "./positions";
import { ENTRY_NAME } from "./schema";
import { SECTIONS, type ConfigEntry, type ConfigProblem, type Section, type SourceLocation } from "./types";

const where = (location: SourceLocation): string => `${location.file}:${location.line}:${location.column}`;
const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");

/**
 * Collects the entries of every section of every file, in file order. Keyed
 * sections merge by name (a name defined twice is a problem naming both
 * places; the first definition is kept); `callRoutes` lists are appended.
 */
export function collectEntries(files: readonly ParsedFile[], problems: ConfigProblem[]): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const defined = new Map<string, SourceLocation>();
  let routes = 0;
  for (const { index, doc } of files) {
    const root = doc.contents;
    if (root === null || (root as { value?: unknown }).value === null) continue;
    if (!isMap(root)) {
      problems.push({
        kind: "schema",
        ...index.at(startOf(root) ?? 0),
        path: "",
        message: `Invalid type for the file: expected an object of sections (${quoted(SECTIONS)}), but got ${kindOf(doc.toJS())} instead.`,
      });
      continue;
    }
    const entryAt = (section: Section, name: string, keyNode: unknown, valueNode: unknown, js: unknown): ConfigEntry => {
      const offset = startOf(keyNode) ?? startOf(valueNode) ?? 0;
      const location = index.at(offset);
      return {
        section,
        name,
        value: js,
        location,
        comments: commentsAbout(index, location.line),
        locate: (path) => index.at(offsetOf(valueNode, path, offset)),
      };
    };
    const toJS = (node: unknown): unknown =>
      node === null || node === undefined ? null : (node as Node).toJS(doc, { maxAliasCount: 100 });

    for (const item of root.items) {
      if (!isPair(item)) continue;
      const key = keyText(item.key);
      const keyLocation = index.at(startOf(item.key) ?? 0);
      if (key === undefined || !(SECTIONS as readonly string[]).includes(key)) {
        problems.push({
          kind: "schema",
          ...keyLocation,
          path: key ?? "",
          message: `Unknown parameter: '${key ?? "(complex key)"}'. Supported sections are: ${quoted(SECTIONS)}.`,
        });
        continue;
      }
      const section = key as Section;
      const body = item.value;
      if (body === null || (body as { value?: unknown }).value === null) continue;
      if (section === "callRoutes") {
        if (!isSeq(body)) {
          problems.push(typeProblem(section, "an array of routes", toJS(body), index.at(startOf(body) ?? 0)));
          continue;
        }
        for (const route of body.items) {
          entries.push(entryAt(section, String(routes), route, route, toJS(route)));
          routes++;
        }
        continue;
      }
      if (!isMap(body)) {
        problems.push(typeProblem(section, "an object of entries by name", toJS(body), index.at(startOf(body) ?? 0)));
        continue;
      }
      for (const pair of body.items) {
        if (!isPair(pair)) continue;
        const name = keyText(pair.key) ?? "";
        const entry = entryAt(section, name, pair.key, pair.value, toJS(pair.value));
        const id = entryId(section, name);
        if (!ENTRY_NAME.test(name)) {
          problems.push({
            kind: "schema",
            ...entry.location,
            path: id,
            entry: id,
            message: `Invalid name '${name}' in '${section}': expected a letter, then letters, digits, '-' or '_'.`,
          });
          continue;
        }
        const first = defined.get(id);
        if (first !== undefined) {
          problems.push({
            kind: "duplicate",
            ...entry.location,
            path: id,
            entry: id,
            message: `Duplicate entry '${id}': defined at ${where(first)} and again at ${where(entry.location)}.`,
          });
          continue;
        }
        defined.set(id, entry.location);
        entries.push(entry);
      }
    }
  }
  return entries;
}

function typeProblem(section: Section, expected: string, value: unknown, location: SourceLocation): ConfigProblem {
  return {
    kind: "schema",
    ...location,
    path: section,
    message: `Invalid type for '${section}': expected ${expected}, but got ${kindOf(value)} instead.`,
  };
}
