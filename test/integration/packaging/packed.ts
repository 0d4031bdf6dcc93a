// The package as users get it: `npm pack` of this clone (or of an earlier
// release's commit), installed into a throwaway project with its own
// node_modules. Installs are offline: the project gets this repo's lockfile,
// whose entries npm resolves from the local cache that `npm ci` filled.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { pulumiEnv, repoRoot } from "../../../scripts/local-pulumi.js";
import { startPulumiRun } from "../../helpers/cost";

const exec = promisify(execFile);
const NPM_FLAGS = ["--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"];

/** Packs `dir` into `dest`; returns the tarball path and the files it holds. */
export async function pack(dir: string, dest: string): Promise<{ tarball: string; files: string[] }> {
  const { stdout } = await exec("npm", ["pack", "--json", "--pack-destination", dest, "--loglevel=error"], { cwd: dir });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack in ${dir} printed no package`);
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Builds and packs the package as it was at `commit`: the files of that
 * commit (git archive), compiled with this clone's dependencies.
 */
export async function packRelease(commit: string, dest: string): Promise<string> {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), "por-release-"));
  try {
    await exec("sh", ["-c", `git -C "${repoRoot}" archive ${commit} | tar -x -C "${src}"`]);
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(src, "node_modules"));
    await exec(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
      cwd: src,
    });
    fs.rmSync(path.join(src, "node_modules"));
    return (await pack(src, dest)).tarball;
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
}

/** A user's project: own node_modules, own file backend, one stack. */
export class UserProject {
  readonly dir: string;
  private readonly root: string;
  private readonly extraEnv: Record<string, string>;

  constructor(files: Record<string, string>, extraEnv: Record<string, string> = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), "por-user-"));
    this.dir = path.join(this.root, "project");
    fs.mkdirSync(this.dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(this.dir, name), text);
    this.extraEnv = extraEnv;
  }

  /** `npm install`s `tarball` and @pulumi/pulumi as a user would, offline. */
  async install(tarball: string): Promise<void> {
    const deps = { "@pulumi/pulumi": "3.270.0", "pulumi-openai-realtime": `file:${tarball}` };
    fs.writeFileSync(path.join(this.dir, "package.json"), JSON.stringify({ name: "user", private: true, main: "index.js", dependencies: deps }));
    // Every release is version 0.1.0 so far: drop the locked tarball so npm
    // installs the one named now, as `npm install <tarball>` would.
    const lockPath = path.join(this.dir, "package-lock.json");
    const lock = JSON.parse(fs.readFileSync(fs.existsSync(lockPath) ? lockPath : path.join(repoRoot, "package-lock.json"), "utf8"));
    lock.name = "user";
    lock.packages[""] = { name: "user", dependencies: deps };
    delete lock.packages["node_modules/pulumi-openai-realtime"];
    fs.writeFileSync(lockPath, JSON.stringify(lock));
    await exec("npm", ["install", ...NPM_FLAGS], { cwd: this.dir, env: this.env() });
  }

  env(extra: Record<string, string | undefined> = {}): Record<string, string> {
    return pulumiEnv(path.join(this.root, "state"), {
      NODE_OPTIONS: undefined,
      OPENAI_ORG_ID: undefined,
      OPENAI_PROJECT_ID: undefined,
      ...this.extraEnv,
      ...extra,
    });
  }

  /** Runs a command in the project; rejects with its output when it fails. */
  async run(cmd: string, args: string[]): Promise<string> {
    try {
      const { stdout, stderr } = await exec(cmd, args, { cwd: this.dir, env: this.env(), maxBuffer: 64 << 20 });
      return stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
    }
  }

  async pulumi(...args: string[]): Promise<string> {
    const measured = startPulumiRun();
    try {
      return await this.run("pulumi", [...args, "--non-interactive"]);
    } finally {
      measured();
    }
  }

  /** The exported checkpoint's resources of this package's kinds. */
  async resources(showSecrets = false): Promise<Array<{ type: string; id?: string; outputs: Record<string, unknown> }>> {
    const args = ["stack", "export", ...(showSecrets ? ["--show-secrets"] : []), "--non-interactive"];
    const measured = startPulumiRun();
    const { stdout } = await exec("pulumi", args, { cwd: this.dir, env: this.env(), maxBuffer: 64 << 20 }).finally(measured);
    const state = JSON.parse(stdout) as {
      deployment: { resources?: Array<{ type: string; id?: string; outputs: Record<string, unknown> }> };
    };
    return (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/openai-realtime:"));
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
