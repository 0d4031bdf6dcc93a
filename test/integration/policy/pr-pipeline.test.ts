// The PR pipeline example: GitHub Actions workflows that action-validator (SchemaStore's workflow
// schema) accepts, running the commands the README documents, whose validate step passes on
// the example's files, and whose scheduled rotation runs `pulumi up` only when `due` says so.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { cli } from "../validate/cli";

const EXAMPLE = path.join(repoRoot, "examples", "pr-pipeline");
const WORKFLOW = path.join(EXAMPLE, "realtime-policy.yml");
const ROTATE = path.join(EXAMPLE, "realtime-rotate.yml");

function lint(content: string): string[] {
  return validateWorkflow(content).errors.map((e) => `${e.code}: ${e.title}${e.detail ? ` (${e.detail})` : ""}`);
}

describe("examples/pr-pipeline", () => {
  it("is a valid GitHub Actions workflow", () => {
    expect(lint(fs.readFileSync(WORKFLOW, "utf8"))).toEqual([]);
  });

  it("fails the lint for a broken workflow, so the check above can fail", () => {
    for (const file of [WORKFLOW, ROTATE]) {
      const broken = fs.readFileSync(file, "utf8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest");
      expect(lint(broken).length, file).toBeGreaterThan(0);
    }
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

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }> };
  jobs: Record<string, { steps: Step[] }>;
}

/** Runs a step's shell text as the runner does (bash -e), with `npx` exiting `code`; returns the exit code and $GITHUB_OUTPUT. */
async function runStep(script: string, npxCode: number): Promise<{ code: number; output: string; npx: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-step-"));
  try {
    fs.writeFileSync(path.join(dir, "npx"), `#!/bin/sh\necho "$@" > "${dir}/npx-args"\nexit ${npxCode}\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "output"), "");
    const text = script.replaceAll("${{ vars.PULUMI_STACK }}", "acme/realtime/prod");
    const code = await new Promise<number>((resolve) => {
      execFile("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", text], {
        env: { PATH: `${dir}:/usr/bin:/bin`, GITHUB_OUTPUT: path.join(dir, "output") },
      }, (error) => resolve(error === null ? 0 : typeof error.code === "number" ? error.code : 1));
    });
    return { code, output: fs.readFileSync(path.join(dir, "output"), "utf8"), npx: fs.readFileSync(path.join(dir, "npx-args"), "utf8").trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("examples/pr-pipeline scheduled rotation", () => {
  const workflow = parse(fs.readFileSync(ROTATE, "utf8")) as Workflow;
  const steps = workflow.jobs["rotate"]!.steps;
  const due = steps.find((s) => s.id === "due")!;
  const up = steps.find((s) => s.run?.startsWith("pulumi up"))!;

  it("is a valid GitHub Actions workflow, on a schedule", () => {
    expect(lint(fs.readFileSync(ROTATE, "utf8"))).toEqual([]);
    expect(workflow.on.schedule).toEqual([{ cron: "*/5 * * * *" }]);
  });

  it("runs pulumi up (with the policy pack) only when due says a token is due", () => {
    expect(up.if).toBe("steps.due.outputs.due == 'true'");
    expect(up.run).toContain("--policy-pack node_modules/pulumi-openai-realtime/policy");
    expect(up.run).toContain("--policy-pack-config policy-config.json");
    expect(steps.indexOf(due)).toBeLessThan(steps.indexOf(up));
  });

  it.each([
    [3, 0, "due=true\n"],
    [0, 0, "due=false\n"],
    [1, 1, ""],
    [2, 2, ""],
  ])("maps due's exit code %i to step exit %i and output %j", async (npxCode, stepCode, output) => {
    const run = await runStep(due.run!, npxCode);
    expect(run).toEqual({ code: stepCode, output, npx: "pulumi-openai-realtime due --stack acme/realtime/prod" });
  });

  it("leaves the example's tokens two minutes after a scheduled run at the period's end", () => {
    const period = Number(/^\*\/(\d+) \* \* \* \*$/.exec(workflow.on.schedule![0]!.cron)![1]) * 60;
    const config = parse(fs.readFileSync(path.join(EXAMPLE, "realtime.yaml"), "utf8")) as {
      clientSecrets: Record<string, { rotateBeforeSeconds: number }>;
    };
    for (const [name, secret] of Object.entries(config.clientSecrets)) {
      expect(secret.rotateBeforeSeconds - period, name).toBeGreaterThanOrEqual(120);
    }
  });
});
