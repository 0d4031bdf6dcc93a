// The code blocks of README.md and docs/*.md, and the markers that say how each is tested.
//
// Convention: an HTML comment right before a fenced block, invisible on
// GitHub, says how the block is checked:
//
//   <!-- test: program -->          a TypeScript Pulumi program: deployed against the emulator
//   <!-- test: by <file> <name> --> run by that test file, which reads it with readmeSnippet("<name>")
//   <!-- test: by <file> -->        run by that test file, which reads the page itself
//   <!-- test: skip <reason> -->    not run, for the reason given
//
// Every block in a language a user runs or copies (sh, bash, ts, js, yaml, json) must carry one;
// test/integration/readme.test.ts enforces it.
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../scripts/local-pulumi.js";

/** One fenced block of a documentation page. */
export interface ReadmeSnippet {
  /** The page, relative to the repository root (`README.md`, `docs/router.md`, ...). */
  file: string;
  /** The fence's language (`sh`, `ts`, ...), empty when none. */
  lang: string;
  /** The block's text, without the fences. */
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The marker's words after `test:`, or null when the block has none. */
  marker: string[] | null;
}

/** Languages whose blocks a reader would run, or copy as a file (a realtime.yaml, a policy config). */
export const RUNNABLE = new Set(["sh", "bash", "shell", "console", "ts", "typescript", "js", "javascript", "yaml", "yml", "json"]);

const MARKER = /^<!--\s*test:\s*(.*?)\s*-->\s*$/;

/** The documentation pages: README.md, then docs/*.md in name order (paths relative to the repository). */
export function docFiles(root = repoRoot): string[] {
  const docs = path.join(root, "docs");
  const pages = fs.existsSync(docs) ? fs.readdirSync(docs).filter((f) => f.endsWith(".md")).sort() : [];
  return ["README.md", ...pages.map((f) => `docs/${f}`)];
}

/**
 * Parses one page (`README.md` unless `file` or `text` says otherwise) into its fenced blocks.
 *
 * @example
 * const untested = readmeSnippets().filter((s) => RUNNABLE.has(s.lang) && s.marker === null);
 */
export function readmeSnippets(text?: string, file = "README.md"): ReadmeSnippet[] {
  const lines = (text ?? fs.readFileSync(path.join(repoRoot, file), "utf8")).split("\n");
  const snippets: ReadmeSnippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    let j = start - 1;
    while (j >= 0 && lines[j]!.trim() === "") j--;
    const marker = j >= 0 ? MARKER.exec(lines[j]!.trim()) : null;
    snippets.push({
      file,
      lang: open[1]!.toLowerCase(),
      code: `${body.join("\n")}\n`,
      line: start + 1,
      marker: marker === null ? null : marker[1]!.split(/\s+/),
    });
  }
  return snippets;
}

/** The blocks of every documentation page (README.md and docs/*.md). */
export function docSnippets(): ReadmeSnippet[] {
  return docFiles().flatMap((file) => readmeSnippets(undefined, file));
}

/** The block marked `<!-- test: by <file> <name> -->` in README.md or docs/*.md; throws when there is none. */
export function readmeSnippet(name: string): ReadmeSnippet {
  const found = docSnippets().find((s) => s.marker?.[0] === "by" && s.marker[2] === name);
  if (found === undefined) throw new Error(`README.md and docs/*.md have no block marked <!-- test: by <file> ${name} -->`);
  return found;
}

/** The commands of a shell block: one per line, comments and blank lines dropped. */
export function shellCommands(snippet: ReadmeSnippet): string[][] {
  return snippet.code
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(/\s+/));
}
