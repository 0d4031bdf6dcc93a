// Drives the real `pulumi` CLI on a throwaway copy of a project with a
// `file://` backend. Each workspace is isolated (own backend, PULUMI_HOME,
// stack config), so test files can run in parallel.
//
// Safe by construction: the environment is built from an allow-list (never
// the caller's whole environment), the base URL defaults to an unreachable
// loopback address, a non-loopback base URL in the environment or the stack
// config is refused before the CLI starts, and every Node process the engine
// spawns preloads the network guard.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { parse as parseYaml, parseDocument } from "yaml";
import { isolatedEnv, pulumiEnv, repoRoot } from "../../scripts/local-pulumi.js";
import { startPulumiRun } from "./cost";
import { oncePerRun } from "./run-cache";
import { precompileProject, writeTranspiled } from "./precompile";
import { assertLoopbackUrl, guardEnv, NET_LOG_ENV, NODE_COMPILE_CACHE, UNREACHABLE_BASE_URL } from "./safety";

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
  /** The stack the workspace created. */
  readonly stack: string;
  /** Whether the copy runs as precompiled JavaScript (see `create`'s `precompile`). */
  precompiled = false;
  private readonly extraEnv: Record<string, string | undefined>;

  private constructor(dir: string, stateDir: string, stack: string, extraEnv: Record<string, string | undefined>) {
    this.dir = dir;
    this.stateDir = stateDir;
    this.stack = stack;
    this.extraEnv = extraEnv;
  }

  /**
   * Copies `projectDir` (relative to the repo root or absolute) into a fresh
   * temporary folder whose node_modules points at the repo's, and creates
   * stack `stack` there. `stateDir` shares another workspace's backend (and
   * PULUMI_HOME), for tests of several stacks on one backend.
   *
   * `precompile` compiles the copy's TypeScript to JavaScript first, so the
   * engine runs it without loading ts-node and the TypeScript compiler; `write`
   * keeps it compiled. By default on for the test programs under
   * `test/fixtures/`, off for examples and user-facing projects, where
   * TypeScript as a user runs it is part of what is tested.
   */
  static async create(
    projectDir: string,
    options: { stack?: string; env?: Record<string, string | undefined>; stateDir?: string; precompile?: boolean } = {},
  ): Promise<PulumiWorkspace> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "por-"));
    const dir = path.join(root, "project");
    fs.cpSync(path.resolve(repoRoot, projectDir), dir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}node_modules`) && !/Pulumi\.[^/]+\.yaml$/.test(src),
    });
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    const stack = options.stack ?? "test";
    const ws = new PulumiWorkspace(dir, options.stateDir ?? path.join(root, "state"), stack, options.env ?? {});
    const fixtures = path.join(repoRoot, "test", "fixtures") + path.sep;
    if (options.precompile ?? path.resolve(repoRoot, projectDir).startsWith(fixtures)) ws.precompiled = precompileProject(dir);
    await ws.initStack();
    return ws;
  }

  /**
   * Creates the workspace's stack as `pulumi stack init` does. The CLI inits
   * each project, stack name and passphrase once per run, in a scratch
   * project; every workspace then gets a copy of what it wrote (the stack's
   * file in the backend and `Pulumi.<stack>.yaml` with the encryption salt),
   * and every command names the stack through `PULUMI_STACK` rather than
   * the selection `stack init` would have saved.
   */
  private async initStack(): Promise<void> {
    const backend = this.backendDir();
    if (backend === undefined) throw new Error("the test workspace needs a file:// backend");
    const project = this.project();
    const passphrase = this.env().PULUMI_CONFIG_PASSPHRASE ?? "";
    const digest = crypto.createHash("sha256").update(JSON.stringify([project, this.stack, passphrase])).digest("hex").slice(0, 16);
    const made = await oncePerRun(`stack-init-${digest}`, async (into) => {
      fs.writeFileSync(path.join(into, "Pulumi.yaml"), `name: ${project}\nruntime: nodejs\n`);
      const initEnv = pulumiEnv(path.join(into, "state"), { PULUMI_CONFIG_PASSPHRASE: passphrase }, isolatedEnv());
      const measured = startPulumiRun("stack");
      try {
        await execFileAsync("pulumi", ["stack", "init", this.stack, "--non-interactive"], { cwd: into, env: initEnv });
      } finally {
        measured();
      }
    });
    const stacks = path.join(".pulumi", "stacks", project);
    const target = path.join(backend, stacks, `${this.stack}.json`);
    if (fs.existsSync(target)) throw new Error(`stack '${this.stack}' already exists in ${backend}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    for (const name of fs.readdirSync(path.join(made, "state", "backend", stacks))) {
      if (name.startsWith(`${this.stack}.json`)) fs.copyFileSync(path.join(made, "state", "backend", stacks, name), path.join(backend, stacks, name));
    }
    const meta = path.join(backend, ".pulumi", "meta.yaml");
    if (!fs.existsSync(meta)) fs.copyFileSync(path.join(made, "state", "backend", ".pulumi", "meta.yaml"), meta);
    fs.copyFileSync(path.join(made, `Pulumi.${this.stack}.yaml`), path.join(this.dir, `Pulumi.${this.stack}.yaml`));
  }

  /**
   * The environment of every `pulumi` run: the allow-listed part of this
   * process's environment, the file backend's settings, the network guard,
   * `OPENAI_BASE_URL` pointing at loopback unless the workspace or `extra`
   * sets it (to a loopback URL, or `undefined` to test the fallback, which the
   * guard then stops), then the workspace's and `extra`'s variables.
   */
  env(extra: Record<string, string | undefined> = {}): Record<string, string> {
    const merged: Record<string, string | undefined> = {
      // `npm run typecheck` type-checks the fixtures; the engine need not again.
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      NODE_COMPILE_CACHE,
      // The stack every command acts on (see initStack).
      PULUMI_STACK: this.stack,
      OPENAI_BASE_URL: UNREACHABLE_BASE_URL,
      ...this.extraEnv,
      ...extra,
    };
    // A test may point the guard at a private record; otherwise the run's.
    Object.assign(merged, guardEnv(merged.NODE_OPTIONS), merged[NET_LOG_ENV] ? { [NET_LOG_ENV]: merged[NET_LOG_ENV] } : {});
    const baseUrl = merged.OPENAI_BASE_URL;
    if (baseUrl !== undefined) assertLoopbackUrl(baseUrl, "OPENAI_BASE_URL");
    return pulumiEnv(this.stateDir, merged, isolatedEnv());
  }

  /** Refuses a stack config whose `openai-realtime:baseUrl` leaves the machine. */
  private checkStackConfig(): void {
    const file = path.join(this.dir, `Pulumi.${this.stack}.yaml`);
    if (!fs.existsSync(file)) return;
    const match = /^\s*openai-realtime:baseUrl:\s*(.+?)\s*$/m.exec(fs.readFileSync(file, "utf8"));
    if (match?.[1] !== undefined && !match[1].startsWith("secure:")) {
      assertLoopbackUrl(match[1].replace(/^["']|["']$/g, ""), "openai-realtime:baseUrl");
    }
  }

  /** Runs `pulumi <args>` in the project; never rejects unless `check` is set. */
  async run(
    args: string[],
    options: { env?: Record<string, string | undefined>; check?: boolean; timeoutMs?: number } = {},
  ): Promise<CommandResult> {
    const env = this.env(options.env);
    this.checkStackConfig();
    let result: CommandResult;
    const measured = startPulumiRun(args[0]);
    try {
      const { stdout, stderr } = await execFileAsync("pulumi", [...args, "--non-interactive"], {
        cwd: this.dir,
        env,
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
    measured();
    if (options.check && result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.output}`);
    }
    return result;
  }

  /**
   * Starts `pulumi <args>` without waiting for it, in a process group of its
   * own, so a test can kill the CLI with everything it started, as a CI
   * runner kills a job: `process.kill(-child.pid!, "SIGKILL")`.
   */
  spawn(args: string[], options: { env?: Record<string, string | undefined> } = {}): ChildProcess {
    const env = this.env(options.env);
    this.checkStackConfig();
    const measured = startPulumiRun(args[0]);
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.once("exit", measured);
    return child;
  }

  up(env?: Record<string, string | undefined>): Promise<CommandResult> {
    return this.run(["up", "--yes", "--skip-preview"], env ? { env } : {});
  }

  preview(extraArgs: string[] = [], env?: Record<string, string | undefined>): Promise<CommandResult> {
    return this.run(["preview", "--diff", ...extraArgs], env ? { env } : {});
  }

  /**
   * `pulumi config set`. A plain value is written to the stack's config file
   * directly, as the CLI writes it (a key without a namespace gets the
   * project's): no process for what is a one-line edit. A secret goes
   * through the CLI, which encrypts it.
   */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    if (key === "openai-realtime:baseUrl") assertLoopbackUrl(value, key);
    if (secret) {
      await this.run(["config", "set", key, value, "--secret"], { check: true });
      return;
    }
    const file = path.join(this.dir, `Pulumi.${this.stack}.yaml`);
    const doc = parseDocument(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "{}");
    doc.setIn(["config", key.includes(":") ? key : `${this.project()}:${key}`], value);
    fs.writeFileSync(file, doc.toString());
  }

  private projectName: string | undefined;

  /** The project's name, from its Pulumi.yaml. */
  project(): string {
    this.projectName ??= (parseYaml(fs.readFileSync(path.join(this.dir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
    return this.projectName;
  }

  /**
   * The checkpoint as `pulumi stack export` writes it, and its raw text, read
   * from the backend's stack file (see `readStackState`); the CLI answers
   * only where the backend holds no file for the stack.
   */
  async exportState(showSecrets = false): Promise<{ raw: string; resources: StateResource[] }> {
    const stored = this.storedState(showSecrets);
    if (stored) return { raw: JSON.stringify(stored, null, 4), resources: stored.deployment.resources ?? [] };
    const res = await this.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])], { check: true });
    const parsed = JSON.parse(res.stdout) as { deployment?: { resources?: StateResource[] } };
    return { raw: res.stdout, resources: parsed.deployment?.resources ?? [] };
  }

  /**
   * The stack's outputs as `pulumi stack output --json` prints them, read
   * from the stored checkpoint: a secret shown as `"[secret]"` as the CLI
   * shows it, or with `showSecrets` decrypted as the CLI decrypts it.
   * Without a stored checkpoint, the CLI answers.
   */
  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const stored = this.storedState(showSecrets);
    if (stored) {
      const root = stored.deployment.resources?.find((r) => r.type === "pulumi:pulumi:Stack");
      return outputValues(root?.outputs ?? {}) as Record<string, unknown>;
    }
    const res = await this.run(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])], {
      check: true,
    });
    return JSON.parse(res.stdout) as Record<string, unknown>;
  }

  /** The folder of the `file://` backend the CLI uses: the workspace's own, or another's it was pointed at. */
  private backendDir(): string | undefined {
    const url = this.env().PULUMI_BACKEND_URL ?? "";
    return url.startsWith("file://") ? url.slice("file://".length) : undefined;
  }

  private storedState(showSecrets: boolean): StoredState | undefined {
    const backendDir = this.backendDir();
    if (backendDir === undefined) return undefined;
    return readStackState({
      backendDir,
      project: this.project(),
      stack: this.stack,
      passphrase: showSecrets ? (this.env().PULUMI_CONFIG_PASSPHRASE ?? "") : undefined,
    });
  }

  /** Replaces a file of the project copy (for step-2 style edits). */
  write(relativePath: string, content: string): void {
    const file = path.join(this.dir, relativePath);
    fs.writeFileSync(file, content);
    if (this.precompiled && file.endsWith(".ts") && !file.endsWith(".d.ts")) writeTranspiled(file, content);
  }

  async dispose(): Promise<void> {
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

/** A checkpoint as `pulumi stack export` prints it. */
export interface StoredState {
  version: number;
  deployment: { resources?: StateResource[]; secrets_providers?: { type?: string; state?: { salt?: string } } };
}

/** The signature key and value Pulumi's state marks a secret value with. */
const SECRET_SIG = ["4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"] as const;

/** Passphrase-derived keys, per passphrase and salt: deriving one takes a million PBKDF2 rounds. */
const derivedKeys = new Map<string, Buffer>();

/** Decrypts a `v1:<nonce>:<ciphertext>` value of the passphrase secrets provider whose state holds `saltState` (`v1:<salt>:...`). */
function passphraseDecrypter(passphrase: string, saltState: string): (ciphertext: string) => string {
  const cacheKey = `${passphrase}\0${saltState}`;
  const salt = Buffer.from(saltState.split(":")[1] ?? "", "base64");
  const aesKey = derivedKeys.get(cacheKey) ?? crypto.pbkdf2Sync(passphrase, salt, 1_000_000, 32, "sha256");
  derivedKeys.set(cacheKey, aesKey);
  return (ciphertext) => {
    const [version, nonce, sealed] = ciphertext.split(":");
    if (version !== "v1" || nonce === undefined || sealed === undefined) throw new Error("unknown secret ciphertext format");
    const bytes = Buffer.from(sealed, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", aesKey, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  };
}

/** A stored value with each secret's ciphertext replaced by its `plaintext`, as `pulumi stack export --show-secrets` prints it. */
function revealSecrets(value: unknown, reveal: (ciphertext: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => revealSecrets(v, reveal));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG[0]] === SECRET_SIG[1]) {
    if (typeof record.plaintext === "string") return record;
    return { [SECRET_SIG[0]]: SECRET_SIG[1], plaintext: reveal(String(record.ciphertext)) };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revealSecrets(v, reveal)]));
}

/**
 * Stored property values as `pulumi stack output --json` prints them: a
 * secret still sealed as `"[secret]"`, a revealed one (see `revealSecrets`)
 * as its value.
 */
function outputValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(outputValues);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG[0]] === SECRET_SIG[1]) {
    return typeof record.plaintext === "string" ? outputValues(JSON.parse(record.plaintext)) : "[secret]";
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, outputValues(v)]));
}

/**
 * A stack's checkpoint as a `file://` backend stores it
 * (`<backendDir>/.pulumi/stacks/<project>/<stack>.json`), shaped as
 * `pulumi stack export` prints it (`{ version, deployment }`); with a
 * `passphrase`, its secrets decrypted as `--show-secrets` shows them.
 * Undefined where the backend holds no checkpoint for the stack, or secrets
 * are asked for of a stack whose secrets provider is not the passphrase one:
 * the caller then asks the CLI. The engine test checks this against the CLI.
 */
export function readStackState(where: { backendDir: string; project: string; stack: string; passphrase?: string | undefined }): StoredState | undefined {
  const file = path.join(where.backendDir, ".pulumi", "stacks", where.project, `${where.stack}.json`);
  if (!fs.existsSync(file)) return undefined;
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as { version: number; checkpoint: { latest?: StoredState["deployment"] } };
  const deployment = stored.checkpoint.latest;
  if (!deployment) return undefined;
  if (where.passphrase === undefined) return { version: stored.version, deployment };
  const provider = deployment.secrets_providers;
  if (provider?.type !== "passphrase") return undefined;
  const reveal = passphraseDecrypter(where.passphrase, String(provider.state?.salt));
  return { version: stored.version, deployment: revealSecrets(deployment, reveal) as StoredState["deployment"] };
}
