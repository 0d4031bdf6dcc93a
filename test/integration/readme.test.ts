// Anything README.md or docs/*.md prints for a user to run or copy must work as
// printed. Each runnable block carries a marker (see test/helpers/readme.ts)
// that says how it is run; this file runs the `program` blocks against the
// emulator and checks that no runnable block goes without a marker.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-pulumi.js";
import { TestEmulator } from "../helpers/emulator";
import { PulumiWorkspace } from "../helpers/pulumi";
import { docSnippets, RUNNABLE, type ReadmeSnippet } from "../helpers/readme";
import { SecretScan } from "../helpers/secrets";

const API_KEY = "sk-readme-test-key-61f0c2";
const snippets = docSnippets();
const kind = (s: ReadmeSnippet): string => s.marker?.[0] ?? "none";
const where = (s: ReadmeSnippet): string => `${s.file}:${s.line}`;

describe("README.md and docs/*.md code blocks", () => {
  it("mark every runnable block with how it is tested", () => {
    const unmarked = snippets.filter((s) => RUNNABLE.has(s.lang) && s.marker === null).map(where);
    expect(unmarked).toEqual([]);
    for (const s of snippets.filter((s) => s.marker !== null)) {
      expect(["program", "by", "skip"], `${where(s)}: <!-- test: ${s.marker!.join(" ")} -->`).toContain(kind(s));
      if (kind(s) === "skip") expect(s.marker!.length, `${where(s)}: a skip gives its reason`).toBeGreaterThan(1);
    }
  });

  it("hold every block a test reads by name", () => {
    const named = new Set(snippets.filter((s) => kind(s) === "by").map((s) => s.marker![2]));
    const tests = fs.readdirSync(path.join(repoRoot, "test"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const read = tests.flatMap((f) =>
      [...fs.readFileSync(path.join(repoRoot, "test", f), "utf8").matchAll(/readmeSnippet\("([a-z0-9-]+)"\)/g)].map((m) => `test/${f}: ${m[1]}`),
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((r) => !named.has(r.split(": ")[1]))).toEqual([]);
  });

  it("give each named block a name no other block has", () => {
    const names = snippets.filter((s) => kind(s) === "by" && s.marker![2] !== undefined).map((s) => s.marker![2]!);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("name, for each block run elsewhere, a test file that reads that block", () => {
    const elsewhere = snippets.filter((s) => kind(s) === "by");
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const s of elsewhere) {
      const [, file, name] = s.marker!;
      expect(file, `${where(s)} names no test file`).toBeDefined();
      const test = path.join(repoRoot, file!);
      expect(fs.existsSync(test), `${where(s)}: ${file} does not exist`).toBe(true);
      const source = fs.readFileSync(test, "utf8");
      // A named block is read through readmeSnippet; otherwise the file reads the page its own way.
      expect(source, `${where(s)}: ${file}`).toContain(name === undefined ? s.file : `readmeSnippet("${name}")`);
    }
  });
});

describe.each(snippets.filter((s) => kind(s) === "program").map((s) => [where(s), s] as const))(
  "program at %s",
  { timeout: 300_000 },
  (_line, snippet) => {
    const dirs: string[] = [];
    let emulator: TestEmulator | undefined;
    let ws: PulumiWorkspace | undefined;
    afterAll(async () => {
      await ws?.dispose();
      await emulator?.close();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("deploys against the emulator as printed", async () => {
      const project = fs.mkdtempSync(path.join(os.tmpdir(), "por-readme-"));
      dirs.push(project);
      fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: readme\nruntime: nodejs\n");
      fs.writeFileSync(path.join(project, "package.json"), '{ "name": "readme", "private": true, "main": "index.ts" }\n');
      fs.writeFileSync(path.join(project, "index.ts"), snippet.code);
      emulator = await TestEmulator.start({ apiKey: API_KEY });
      ws = await PulumiWorkspace.create(project, { env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url } });
      const up = await ws.up();
      expect(up.code, up.output).toBe(0);
      const outputs = await ws.outputs();
      for (const value of Object.values(outputs)) expect(value).toBeDefined();
      const scan = new SecretScan().watch(API_KEY, "API key");
      await scan.watchMintedTokens(ws);
      scan.check("pulumi up output", up.output);
      await scan.checkWorkspace(ws);
      await scan.checkEmulator(emulator);
      scan.assertClean();
      const preview = await ws.preview(["--expect-no-changes"]);
      expect(preview.code, preview.output).toBe(0);
    });
  },
);
