import * as fs from "node:fs";
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { problemPath } from "./paths";
import { keyText, LineIndex, startOf } from "./positions";
import { substituteScalar } from "./references";
import type { ConfigProblem } from "./types";

// Aliases may repeat a node; a file that expands into millions of nodes (a
// "billion laughs") is refused instead of exhausting memory.
const MAX_ALIAS_COUNT = 100;

/** One realtime.yaml file, parsed, with `${env:NAME}` substituted. */
export interface ParsedFile {
  index: LineIndex;
  doc: Document.Parsed;
}

/**
 * Reads and parses one file. Problems (unreadable file, YAML syntax, a key
 * given twice in one map, an unresolved reference) go to `problems`; the file
 * is returned unless it could not be read or parsed.
 */
export function parseFile(
  file: string,
  env: Record<string, string | undefined>,
  problems: ConfigProblem[],
): ParsedFile | undefined {
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
    problems.push({ kind: "io", file, line: 1, column: 1, path: "", message: `Cannot read '${file}': ${code}.` });
    return undefined;
  }
  const index = new LineIndex(file, source);
  // Duplicate keys are reported below with both places, so the parser keeps them.
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const message = error.message.split("\n")[0] ?? error.message;
      problems.push({ kind: "syntax", ...index.at(error.pos[0]), path: "", message: `YAML syntax error: ${message}` });
    }
    return undefined;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push({ kind: "syntax", ...index.at(0), path: "", message: `YAML error: ${message}` });
    return undefined;
  }
  walk(doc.contents, [], index, env, problems);
  return { index, doc };
}

// Checks keys and substitutes references in every value below `node`. The
// entries of a section (depth 1) are checked for duplicates by the merge,
// which also sees the other files.
function walk(
  node: unknown,
  at: (string | number)[],
  index: LineIndex,
  env: Record<string, string | undefined>,
  problems: ConfigProblem[],
): void {
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = keyText(item.key);
      const offset = startOf(item.key) ?? startOf(node) ?? 0;
      if (key !== undefined && at.length !== 1) {
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else {
          const here = index.at(offset);
          const there = index.at(first);
          const keyPath = problemPath([...at, key]);
          problems.push({
            kind: "duplicate",
            ...here,
            path: keyPath,
            message: `Duplicate key '${keyPath}': also at ${there.file}:${there.line}:${there.column}.`,
          });
        }
      }
      walk(item.value, [...at, key ?? "?"], index, env, problems);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...at, i], index, env, problems));
  } else if (isScalar(node) && !isAlias(node)) {
    for (const message of substituteScalar(node, env)) {
      problems.push({ kind: "reference", ...index.at(startOf(node) ?? 0), path: problemPath(at), message });
    }
  }
}
