// The PR pipeline example: a GitHub Actions workflow that action-validator (SchemaStore's workflow
// schema) accepts, running the commands the README documents, and whose validate step passes on
// the example's files.
import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { cli } from "../validate/cli";

const EXAMPLE = path.join(repoRoot, "examples", "pr-pipeline");
const WORKFLOW = path.join(EXAMPLE, "realtime-policy.yml");

function lint(content: string): string[] {
  return validateWorkflow(content).errors.map((e) => `${e.code}: ${e.title}${e.detail ? ` (${e.detail})` : ""}`);
}

describe("examples/pr-pipeline", () => {
  it("is a valid GitHub Actions workflow", () => {
    expect(lint(fs.readFileSync(WORKFLOW, "utf8"))).toEqual([]);
  });

  it("fails the lint for a broken workflow, so the check above can fail", () => {
    const broken = fs.readFileSync(WORKFLOW, "utf8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest");
    expect(lint(broken).length).toBeGreaterThan(0);
  });

  it("uploads validate's SARIF and previews with the shipped policy pack", () => {
    const text = fs.readFileSync(WORKFLOW, "utf8");
    expect(text).toContain("security-events: write");
    expect(text).toContain("npx pulumi-openai-realtime validate realtime.yaml --policy-config policy-config.json --format sarif > realtime.sarif");
    expect(text).toContain("uses: github/codeql-action/upload-sarif@v3");
    expect(text).toContain("--policy-pack node_modules/pulumi-openai-realtime/policy");
    expect(text).toContain("--policy-pack-config policy-config.json");
  });

  it("passes its own validate step on the example's realtime.yaml and policy config", async () => {
    const run = await cli(["validate", "realtime.yaml", "--policy-config", "policy-config.json"], EXAMPLE);
    expect(run).toEqual({ code: 0, stdout: "No problems in 1 file.\n", stderr: "" });
    const sarif = await cli(["validate", "realtime.yaml", "--policy-config", "policy-config.json", "--format", "sarif"], EXAMPLE);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
  });
});
