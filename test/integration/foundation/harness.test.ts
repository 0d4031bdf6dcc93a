// The harness's own safety nets must be able to fail: the secret scan finds
// a planted secret wherever it hides, and the stale-build check notices an
// edited source.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SecretScan } from "../../helpers/secrets";
import { staleOutputs } from "../../helpers/stale-build";
import { readmeSnippets, shellCommands } from "../../helpers/readme";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "por-harness-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("SecretScan", () => {
  const KEY = "sk-planted-key-0123456789";
  const TOKEN = "ek_0123456789abcdef0123456789abcdef";

  it("names where each watched secret appears, never its value", () => {
    const scan = new SecretScan().watch(KEY, "API key").watchTokensIn(`{"value":"${TOKEN}"}`);
    expect(scan.watching).toBe(2);
    scan.check("clean output", "created 3 resources");
    scan.check("log line", `request with Bearer ${KEY}`);
    scan.checkError("error message", new Error(`token ${TOKEN} refused`));
    expect(scan.findings()).toEqual([
      { where: "log line", secret: "API key" },
      { where: "error message", secret: "minted ek_ token" },
    ]);
    expect(() => scan.assertClean()).toThrow(
      "secret scan: 2 secret(s) exposed:\n  API key in log line\n  minted ek_ token in error message",
    );
    try {
      scan.assertClean();
    } catch (e) {
      expect((e as Error).message).not.toContain(KEY);
      expect((e as Error).message).not.toContain(TOKEN);
    }
  });

  it("refuses to pass when it was given nothing to look for", () => {
    expect(() => new SecretScan().check("output", "anything").assertClean()).toThrow("nothing to look for");
  });

  it("passes clean texts", () => {
    const scan = new SecretScan().watch(KEY).check("output", "[secret]");
    expect(() => scan.assertClean()).not.toThrow();
    expect(scan.sources).toEqual(["output"]);
  });
});

describe("staleOutputs", () => {
  it("lists a source newer than its build, and nothing once rebuilt", () => {
    const root = path.join(tmp, "stale");
    fs.mkdirSync(path.join(root, "src", "client"), { recursive: true });
    fs.mkdirSync(path.join(root, "dist", "client"), { recursive: true });
    fs.writeFileSync(path.join(root, "src", "client", "a.ts"), "export {};\n");
    fs.writeFileSync(path.join(root, "src", "index.ts"), "export {};\n");
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, "src", "client", "a.ts"), past, past);
    fs.utimesSync(path.join(root, "src", "index.ts"), past, past);
    expect(staleOutputs(root).sort()).toEqual(["src/client/a.ts", "src/index.ts"]);
    fs.writeFileSync(path.join(root, "dist", "client", "a.js"), "");
    fs.writeFileSync(path.join(root, "dist", "index.js"), "");
    expect(staleOutputs(root)).toEqual([]);
    fs.writeFileSync(path.join(root, "src", "index.ts"), "export const edited = 1;\n");
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, "src", "index.ts"), future, future);
    expect(staleOutputs(root)).toEqual(["src/index.ts"]);
  });
});

describe("README markers", () => {
  it("are read from the comment right before a block", () => {
    const text = ["# T", "", "<!-- test: skip not today -->", "```sh", "npm test  # all", "# only a comment", "```", "", "```ts", "x", "```"].join("\n");
    const [first, second] = readmeSnippets(text);
    expect(first).toEqual({ file: "README.md", lang: "sh", code: "npm test  # all\n# only a comment\n", line: 4, marker: ["skip", "not", "today"] });
    expect(shellCommands(first!)).toEqual([["npm", "test"]]);
    expect(second).toMatchObject({ lang: "ts", marker: null, line: 9 });
  });
});
