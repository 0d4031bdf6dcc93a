// Every `npm run <script>` that README.md, docs/*.md or a source comment tells a
// reader to type names a script package.json defines: a renamed or dropped
// script breaks the command as printed, even where no test runs it.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { docFiles } from "../../helpers/readme";

const root = path.resolve(__dirname, "../../..");
const scripts = new Set(Object.keys((JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts));

/** `file:line: npm run name` for each `npm run` in `text` whose script package.json lacks. */
function unknownScripts(file: string, text: string): string[] {
  const missing: string[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(/\bnpm run ([a-z][a-z0-9:-]*)/g)) {
      const name = match[1] ?? "";
      if (!scripts.has(name)) missing.push(`${file}:${index + 1}: npm run ${name}`);
    }
  });
  return missing;
}

/** The repository's own sources and scripts that may print or mention `npm run`. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|js|cjs|mjs)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe("npm scripts named in docs and sources", () => {
  it.each(docFiles(root))("%s: every `npm run` names a script of package.json", (file) => {
    expect(unknownScripts(file, fs.readFileSync(path.join(root, file), "utf8"))).toEqual([]);
  });

  it("every `npm run` in src/, scripts/, bench/ and test/ names a script of package.json", () => {
    const self = path.relative(root, __filename);
    const files = ["src", "scripts", "bench", "test"].flatMap(sourceFiles).filter((file) => file !== self);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => unknownScripts(file, fs.readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });

  it("finds a script that does not exist", () => {
    expect(unknownScripts("x.md", "run `npm run demo`, then\n`npm run no-such-script -- --json`")).toEqual(["x.md:2: npm run no-such-script"]);
  });
});
