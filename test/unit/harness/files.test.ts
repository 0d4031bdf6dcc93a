// The test helpers' one folder walk (test/helpers/files.ts): the secret scan
// reads every backend file through it, so a file it missed would be a file
// no scan looked at.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder, isTypeScriptSource } from "../../helpers/files";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const file of ["a.ts", "b.d.ts", "deep/er/c.json", "node_modules/pkg/index.ts", "deep/node_modules/x.ts"]) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), "");
}
fs.mkdirSync(path.join(dir, "empty"));

const relative = (files: string[]) => files.map((file) => path.relative(dir, file)).sort();

describe("filesUnder", () => {
  it("lists every file at any depth, and no folder", () => {
    expect(relative(filesUnder(dir))).toEqual(["a.ts", "b.d.ts", "deep/er/c.json", "deep/node_modules/x.ts", "node_modules/pkg/index.ts"]);
  });

  it("does not enter folders of a skipped name, at any depth", () => {
    expect(relative(filesUnder(dir, new Set(["node_modules"])))).toEqual(["a.ts", "b.d.ts", "deep/er/c.json"]);
  });

  it("finds nothing under a folder that does not exist", () => {
    expect(filesUnder(path.join(dir, "missing"))).toEqual([]);
  });

  it("tells TypeScript sources from declaration files", () => {
    expect(filesUnder(dir, new Set(["node_modules"])).filter(isTypeScriptSource).map((f) => path.basename(f))).toEqual(["a.ts"]);
  });
});
