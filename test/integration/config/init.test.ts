// `pulumi-openai-realtime init` both ways, as a user runs it: scaffold into
// an empty folder, install the packed package, `pulumi up` against the
// emulator; the --yaml scaffold (examples/yaml-only is the same files) also
// previews no changes and destroys.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { readmeSnippet, shellCommands } from "../../helpers/readme";
import { installPacked, packPackage } from "./packed";

const run = promisify(execFile);
const API_KEY = "sk-init-test-91d0";
const cli = path.join(repoRoot, "dist", "cli", "main.js");

let tarball = "";
let emulator: TestEmulator;
const workspaces: PulumiWorkspace[] = [];

beforeAll(async () => {
  tarball = await packPackage();
  emulator = await TestEmulator.start({ apiKey: API_KEY });
});
afterAll(async () => {
  for (const ws of workspaces) await ws.dispose();
  await emulator?.close();
  if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
});

/**
 * Runs the README's `npx pulumi-openai-realtime init ...` in a fresh folder
 * whose node_modules/.bin holds the package's bin, as an install leaves it
 * (npx then runs it without a registry).
 */
async function scaffoldAsReadme(): Promise<{ dir: string; stdout: string }> {
  const [command = [], ...rest] = shellCommands(readmeSnippet("init"));
  expect(command).toEqual(["npx", "pulumi-openai-realtime", "init", "my-voice-app", "--yaml"]);
  expect(rest.map((words) => words.join(" "))).toEqual(["cd my-voice-app && npm install", "pulumi stack init dev", "pulumi up"]);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "por-init-"));
  const bin = path.join(cwd, "node_modules", ".bin");
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, "pulumi-openai-realtime"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { mode: 0o755 });
  const { stdout } = await run(command[0] ?? "", command.slice(1), { cwd });
  return { dir: path.join(cwd, "my-voice-app"), stdout };
}

async function scaffold(flag: "--yaml" | "--typescript"): Promise<{ dir: string; stdout: string }> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "por-init-")), "voice-app");
  const { stdout } = await run(process.execPath, [cli, "init", dir, flag]);
  return { dir, stdout };
}

async function deploy(dir: string, env: Record<string, string | undefined> = {}) {
  const ws = await PulumiWorkspace.create(dir, {
    stack: "dev",
    env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url, ...env },
  });
  workspaces.push(ws);
  await installPacked(ws.dir, tarball);
  const up = await ws.up();
  return { ws, up };
}

describe("pulumi-openai-realtime init", { timeout: 300_000 }, () => {
  it("--yaml (the README's commands) writes a project with no TypeScript that deploys realtime.yaml from the packed package", async () => {
    const { dir, stdout } = await scaffoldAsReadme();
    expect(fs.readdirSync(dir).sort()).toEqual([".gitignore", "Pulumi.yaml", "README.md", "package.json", "realtime.yaml"]);
    expect(stdout).toContain("Next:\n  cd my-voice-app && npm install\n  pulumi stack init dev\n  pulumi up\n");
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    expect(pkg["name"]).toBe("my-voice-app");
    expect(Object.keys(pkg["dependencies"] ?? {}).sort()).toEqual(["@pulumi/pulumi", "pulumi-openai-realtime"]);
    expect(pkg["devDependencies"]).toBeUndefined();

    const { ws, up } = await deploy(dir);
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("+ 3 created");
    // What realtime.yaml's first line points editors at is in the installed package.
    const schemaRef = /\$schema=(\S+)/.exec(fs.readFileSync(path.join(ws.dir, "realtime.yaml"), "utf8"))?.[1] ?? "";
    expect(schemaRef).toBe("./node_modules/pulumi-openai-realtime/schema/realtime.schema.json");
    expect(fs.existsSync(path.join(ws.dir, schemaRef))).toBe(true);
    expect(fs.existsSync(path.join(ws.dir, "node_modules/pulumi-openai-realtime/templates/yaml/Pulumi.yaml"))).toBe(true);
    const out = (await ws.outputs(true)) as Record<string, Record<string, Record<string, unknown>>>;
    expect(out["templates"]?.["assistant"]?.["model"]).toBe("gpt-realtime");
    expect(out["clientSecrets"]?.["web"]?.["value"]).toMatch(/^ek_/);
    const preview = await ws.run(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    // examples/yaml-only is this scaffold (examples/yaml-projects.test.ts): its destroy is this one.
    const destroy = await ws.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.output).toBe(0);
    expect(destroy.output).toContain("- 3 deleted");
  });

  it("--typescript writes a project whose tsconfig both TypeScript 5 and Pulumi's bundled 3.8 accept, and deploys it type-checked", async () => {
    const { dir } = await scaffold("--typescript");
    expect(fs.readdirSync(dir).sort()).toEqual([".gitignore", "Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg["devDependencies"] ?? {}).sort()).toEqual(["@types/node", "typescript"]);

    // Without `typescript` installed Pulumi compiles with its vendored 3.8, which refuses many
    // current tsconfigs (TS6046); the scaffold's must parse there too.
    const vendored = require(path.join(repoRoot, "node_modules/@pulumi/pulumi/vendor/typescript@3.8.3/typescript.js")) as typeof import("typescript");
    const config = vendored.readConfigFile(path.join(dir, "tsconfig.json"), (f) => fs.readFileSync(f, "utf8"));
    const parsed = vendored.parseJsonConfigFileContent(config.config, vendored.sys, dir);
    expect(parsed.errors.map((e) => vendored.flattenDiagnosticMessageText(e.messageText, "\n"))).toEqual([]);

    // Type-checked by the project's TypeScript, as Pulumi does by default.
    const { ws, up } = await deploy(dir, { PULUMI_NODEJS_TRANSPILE_ONLY: undefined });
    expect(up.code, up.output).toBe(0);
    const out = (await ws.outputs(true)) as Record<string, Record<string, Record<string, unknown>>>;
    expect(out["clientSecrets"]?.["web"]?.["value"]).toMatch(/^ek_/);
    // Destroy is not this file's claim: resources/lifecycle.test.ts destroys these kinds, and
    // packaging/upgrade.test.ts and load-path.test.ts destroy stacks of the packed package.
  });

  it("refuses to overwrite a project without --force", async () => {
    const { dir } = await scaffold("--yaml");
    const again = await run(process.execPath, [cli, "init", dir]).catch((err: { code: number; stderr: string }) => err);
    expect(again).toMatchObject({
      code: 1,
      stderr: `pulumi-openai-realtime init: ${dir} already has Pulumi.yaml, package.json, realtime.yaml, .gitignore, README.md; pass --force to overwrite.\n`,
    });
  });
});
