// Anything the README prints for a user to run must work as printed. Each
// runnable block carries a marker (see test/helpers/readme.ts) that says how
// it is run; this file runs the `program` blocks against the emulator and
// checks that no runnable block goes without a marker.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-pulumi.js";
import { TestEmulator } from "../helpers/emulator";
import { PulumiWorkspace } from "../helpers/pulumi";
import { readmeSnippets, RUNNABLE, type ReadmeSnippet } from "../helpers/readme";
import { SecretScan } from "../helpers/secrets";

const API_KEY = "sk-readme-test-key-61f0c2";
const snippets = readmeSnippets();
const kind = (s: ReadmeSnippet): string => s.marker?.[0] ?? "none";

describe("README.md code blocks", () => {
  it("mark every runnable block with how it is tested", () => {
    const unmarked = snippets.filter((s) => RUNNABLE.has(s.lang) && s.marker === null).map((s) => `line ${s.line}`);
    expect(unmarked).toEqual([]);
    for (const s of snippets.filter((s) => s.marker !== null)) {
      expect(["program", "by", "skip"], `README.md line ${s.line}: <!-- test: ${s.marker!.join(" ")} -->`).toContain(kind(s));
      if (kind(s) === "skip") expect(s.marker!.length, `line ${s.line}: a skip gives its reason`).toBeGreaterThan(1);
    }
  });

  it("name, for each block run elsewhere, a test file that reads that block", () => {
    const elsewhere = snippets.filter((s) => kind(s) === "by");
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const s of elsewhere) {
      const [, file, name] = s.marker!;
      expect(file, `README.md line ${s.line} names no test file`).toBeDefined();
      const test = path.join(repoRoot, file!);
      expect(fs.existsSync(test), `README.md line ${s.line}: ${file} does not exist`).toBe(true);
      const source = fs.readFileSync(test, "utf8");
      // A named block is read through readmeSnippet; otherwise the file reads the README its own way.
      expect(source, `README.md line ${s.line}: ${file}`).toContain(name === undefined ? "README" : `readmeSnippet("${name}")`);
    }
  });
});

describe.each(snippets.filter((s) => kind(s) === "program").map((s) => [s.line, s] as const))(
  "README.md program at line %i",
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
