// `npm run bench -- --smoke`: every benchmark script runs end to end at the
// least size that still goes through its code (pulumi-up: N = 1, every
// variant deployed once, the no-op runs and state export on one variant) and
// the runner writes its JSON and markdown, so the harness cannot rot between
// the (long, hand-started) full runs. `--quick` differs only in sizes.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";

const exec = promisify(execFile);

describe("bench --smoke", { timeout: 600_000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "por-bench-quick-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("runs every benchmark and writes the results table", async () => {
    const env = { ...process.env, NODE_OPTIONS: "" };
    await exec(process.execPath, [path.join(repoRoot, "bench", "run.ts"), "--smoke", "--out", out], { cwd: repoRoot, env });
    const [json] = fs.readdirSync(out).filter((f) => f.endsWith("-smoke.json"));
    const results = JSON.parse(fs.readFileSync(path.join(out, json as string), "utf8")) as {
      reports: Array<{ bench: string; tables: Array<{ title: string; rows: unknown[][] }>; figures: Record<string, unknown> }>;
    };
    const scripts = ["pulumi-up", "example-preview", "client", "validate", "router-burst", "router-match", "emulator-load", "tokens"].filter((s) =>
      fs.existsSync(path.join(repoRoot, "bench", `${s}.ts`)),
    );
    expect(results.reports.map((r) => r.bench)).toEqual(scripts);
    const up = results.reports.find((r) => r.bench === "pulumi-up");
    // Every variant deployed; the floor made no request, the others one per resource.
    expect(up?.figures.upRequests).toEqual({ floor: { 1: 0 }, handwritten: { 1: 1 }, package: { 1: 1 } });
    // The no-op up made no request and the state export was read (one variant in --smoke).
    expect(up?.figures.noop).toMatchObject({ package: { upRequests: 0, previewRequests: 0 } });
    expect(up?.tables.map((t) => t.rows.length)).toEqual([1, 1, 1, 1]);
    const md = fs.readFileSync(path.join(out, (json as string).replace(/\.json$/, ".md")), "utf8");
    expect(md).toContain(
      "| N | floor | hand-written | this package | package / floor | package / hand-written | package / floor, paired | package / hand-written, paired |",
    );
  });
});
