// Every `npm run <script>` that a Markdown page or a source comment tells a
// reader to type names a script of the package.json it runs in (the nearest
// one above the file): a renamed or dropped script breaks the command as
// printed, even where no test runs it.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../../helpers/files";

const root = path.resolve(__dirname, "../../..");
const SKIP = new Set(["node_modules", "dist", ".git", ".tools", ".vitest-cache", "coverage"]);

const scriptsByManifest = new Map<string, Set<string>>();

/** The scripts of the package.json nearest above `file` (relative to the repository), each manifest read once. */
function scriptsFor(file: string): Set<string> {
  for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    let scripts = scriptsByManifest.get(manifest);
    if (scripts === undefined) {
      scripts = new Set(Object.keys((JSON.parse(fs.readFileSync(manifest, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {}));
      scriptsByManifest.set(manifest, scripts);
    }
    return scripts;
  }
  return new Set();
}

/** `file:line: npm run name` for each `npm run` in `text` whose script `scripts` lacks. */
function unknownScripts(file: string, text: string, scripts = scriptsFor(file)): string[] {
  const missing: string[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(/\bnpm run ([a-z][a-z0-9:-]*)/g)) {
      const name = match[1] ?? "";
      if (!scripts.has(name)) missing.push(`${file}:${index + 1}: npm run ${name}`);
    }
  });
  return missing;
}

/** The repository's files under `dir` whose name matches `pattern`, relative to the root. */
function repoFiles(dir: string, pattern: RegExp): string[] {
  return filesUnder(path.join(root, dir), SKIP)
    .filter((file) => pattern.test(path.basename(file)))
    .map((file) => path.relative(root, file));
}

const pages = repoFiles(".", /\.md$/);

describe("npm scripts named in docs and sources", () => {
  it("looks at README.md, docs/, bench/ and the examples", () => {
    expect(pages).toEqual(expect.arrayContaining(["README.md", "docs/development.md", "bench/README.md", "examples/consumer/README.md"]));
  });

  it.each(pages)("%s: every `npm run` names a script of its package.json", (file) => {
    expect(unknownScripts(file, fs.readFileSync(path.join(root, file), "utf8"))).toEqual([]);
  });

  it("every `npm run` in the sources, scripts, tests, examples and templates names a script of package.json", () => {
    const self = path.relative(root, __filename);
    const files = ["src", "scripts", "bench", "test", "examples", "templates"].flatMap((dir) => repoFiles(dir, /\.(ts|js|cjs|mjs)$/)).filter((file) => file !== self);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => unknownScripts(file, fs.readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });

  it("finds a script that does not exist", () => {
    expect(unknownScripts("x.md", "run `npm run demo`, then\n`npm run no-such-script -- --json`")).toEqual(["x.md:2: npm run no-such-script"]);
    // An example's page is read against the example's own package.json (which has no scripts), the bench's against the root's.
    expect(unknownScripts("examples/consumer/README.md", "npm run demo")).toEqual(["examples/consumer/README.md:1: npm run demo"]);
    expect(unknownScripts("bench/README.md", "npm run demo")).toEqual([]);
  });
});
