// Drives the real `pulumi` CLI on a throwaway copy of a project with a
// `file://` backend. Each workspace is isolated (own backend, PULUMI_HOME,
// stack config), so test files can run in parallel.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { pulumiEnv, repoRoot } from "../../scripts/local-pulumi.js";

const execFileAsync = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user would see them. */
  output: string;
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  additionalSecretOutputs?: string[];
}

export class PulumiWorkspace {
  readonly dir: string;
  readonly stateDir: string;
  private readonly extraEnv: Record<string, string | undefined>;

  private constructor(dir: string, stateDir: string, extraEnv: Record<string, string | undefined>) {
    this.dir = dir;
    this.stateDir = stateDir;
    this.extraEnv = extraEnv;
  }

  /**
   * Copies `projectDir` (relative to the repo root or absolute) into a fresh
   * temporary folder whose node_modules points at the repo's, and creates
   * stack `stack` there.
   */
  static async create(
    projectDir: string,
    options: { stack?: string; env?: Record<string, string | undefined> } = {},
  ): Promise<PulumiWorkspace> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "por-"));
    const dir = path.join(root, "project");
    fs.cpSync(path.resolve(repoRoot, projectDir), dir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}node_modules`) && !/Pulumi\.[^/]+\.yaml$/.test(src),
    });
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    const ws = new PulumiWorkspace(dir, path.join(root, "state"), options.env ?? {});
    await ws.run(["stack", "init", options.stack ?? "test"], { check: true });
    return ws;
  }

  env(extra: Record<string, string | undefined> = {}): Record<string, string> {
    // `npm run typecheck` type-checks the fixtures; the engine need not again.
    return pulumiEnv(this.stateDir, { PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...this.extraEnv, ...extra });
  }

  /** Runs `pulumi <args>` in the project; never rejects unless `check` is set. */
  async run(
    args: string[],
    options: { env?: Record<string, string | undefined>; check?: boolean; timeoutMs?: number } = {},
  ): Promise<CommandResult> {
    let result: CommandResult;
    try {
      const { stdout, stderr } = await execFileAsync("pulumi", [...args, "--non-interactive"], {
        cwd: this.dir,
        env: this.env(options.env),
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 300_000,
      });
      result = { code: 0, stdout, stderr, output: stdout + stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      const stdout = e.stdout ?? "";
      const stderr = e.stderr ?? "";
      result = { code: typeof e.code === "number" ? e.code : 1, stdout, stderr, output: stdout + stderr };
    }
    if (options.check && result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.output}`);
    }
    return result;
  }

  up(env?: Record<string, string | undefined>): Promise<CommandResult> {
    return this.run(["up", "--yes", "--skip-preview"], env ? { env } : {});
  }

  preview(extraArgs: string[] = [], env?: Record<string, string | undefined>): Promise<CommandResult> {
    return this.run(["preview", "--diff", ...extraArgs], env ? { env } : {});
  }

  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.run(["config", "set", key, value, ...(secret ? ["--secret"] : [])], { check: true });
  }

  /** The checkpoint as `pulumi stack export` writes it, and its raw text. */
  async exportState(showSecrets = false): Promise<{ raw: string; resources: StateResource[] }> {
    const res = await this.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])], { check: true });
    const parsed = JSON.parse(res.stdout) as { deployment?: { resources?: StateResource[] } };
    return { raw: res.stdout, resources: parsed.deployment?.resources ?? [] };
  }

  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const res = await this.run(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])], {
      check: true,
    });
    return JSON.parse(res.stdout) as Record<string, unknown>;
  }

  /** Replaces a file of the project copy (for step-2 style edits). */
  write(relativePath: string, content: string): void {
    fs.writeFileSync(path.join(this.dir, relativePath), content);
  }

  async dispose(): Promise<void> {
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}
