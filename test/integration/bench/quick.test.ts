// `npm run bench -- --quick`: every benchmark script runs end to end at tiny
// sizes and the runner writes its JSON and markdown, so the harness cannot
// rot between the (long, hand-started) full runs.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";

const exec = promisify(execFile);

describe("bench --quick", { timeout: 600_000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "por-bench-quick-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("runs every benchmark and writes the results table", async () => {
    const env = { ...process.env, NODE_OPTIONS: "" };
    await exec(process.execPath, [path.join(repoRoot, "bench", "run.ts"), "--quick", "--out", out], { cwd: repoRoot, env });
    const [json] = fs.readdirSync(out).filter((f) => f.endsWith("-quick.json"));
    const results = JSON.parse(fs.readFileSync(path.join(out, json as string), "utf8")) as {
      reports: Array<{ bench: string; tables: Array<{ title: string; rows: unknown[][] }>; figures: Record<string, unknown> }>;
    };
    const scripts = ["pulumi-up", "example-preview", "client", "validate", "router-burst", "router-match", "emulator-load", "tokens"].filter((s) =>
      fs.existsSync(path.join(repoRoot, "bench", `${s}.ts`)),
    );
    expect(results.reports.map((r) => r.bench)).toEqual(scripts);
    const up = results.reports.find((r) => r.bench === "pulumi-up");
    // Every variant deployed; the floor made no request, the others one per resource.
    expect(up?.figures.upRequests).toEqual({ floor: { 2: 0 }, handwritten: { 2: 2 }, package: { 2: 2 } });
    expect(up?.tables.map((t) => t.rows.length)).toEqual([1, 1, 3, 3]);
    const md = fs.readFileSync(path.join(out, (json as string).replace(/\.json$/, ".md")), "utf8");
    expect(md).toContain(
      "| N | floor | hand-written | this package | package / floor | package / hand-written | package / floor, paired | package / hand-written, paired |",
    );
  });
});
