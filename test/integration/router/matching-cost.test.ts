// Caller-controlled headers cannot stall the router: a 30 KB header is
// decided against every route shape (globs of several stars, regular
// expressions that backtrack in a backtracking engine). The built matcher
// runs in a child process killed after 20 s: a backtracking matcher takes
// hours on these, a linear one milliseconds. The speed figure is measured
// in bench/router-match.ts, not here.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";

const SHAPES = [
  { to: "sip:*@*.*.trusted.example" },
  { from: "sip:*@*.*.trusted.example" },
  { headers: { "X-Route": "*a*a*a*a*b" } },
  { headers: { "X-Route": "a?*?*?*?*b" } },
  { from: "/^(a+)+$/" },
  { headers: { "X-Route": "/^(a|aa)+$/" } },
  { headers: { "X-Route": "/(x+x+)+y/" } },
  { headers: { "X-Route": "/^(\\w+\\s?)*$/" } },
];

describe("router: matching cost of hostile headers", { timeout: 60_000 }, () => {
  it("decides a 30 KB header against every route shape without backtracking", () => {
    const script = `
      const { compileRoutes } = require(${JSON.stringify(path.join(repoRoot, "dist", "calls", "match.js"))});
      const shapes = JSON.parse(process.argv[1]);
      const value = "sip:" + "a".repeat(15000) + "x".repeat(15000) + "!";
      const headers = ["To", "From", "X-Route"].map((name) => ({ name, value }));
      for (const match of shapes) {
        const decide = compileRoutes([{ match, action: "reject" }], { maxHeaderLength: 65536 });
        process.stdout.write(decide(headers) + "\\n");
      }
    `;
    const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(SHAPES)], { encoding: "utf8", timeout: 20_000, killSignal: "SIGKILL" });
    expect(run.signal, `killed: the matcher backtracks (${run.stderr})`).toBeNull();
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual(SHAPES.map(() => "-1"));
  });
});
