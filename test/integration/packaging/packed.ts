// The package as users get it: `npm pack` of this clone (or of an earlier
// release's commit), installed into a throwaway project with its own
// node_modules. Installs prefer the local cache: the project gets this repo's
// lockfile, whose tarballs `npm ci` put in the cache; on a fresh machine npm
// still fetches the packuments once (a lockfile written without `resolved`
// URLs, as `omit-lockfile-registry-resolved` makes it, needs them).
//
// What does not change within a run is done once: this clone is packed once
// per run, each tarball `npm install`ed once per run (later projects get a
// copy of that node_modules), and a release's tarball and its install are
// made once per machine, in the user's cache folder beside the Pulumi CLI.
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { cacheDir, pulumiEnv, repoRoot } from "../../../scripts/local-pulumi.js";
import { parse as parseYaml } from "yaml";
import { startPulumiRun } from "../../helpers/cost";
import { readStackState, type StateResource } from "../../helpers/pulumi";
import { oncePerRun } from "../../helpers/run-cache";

const exec = promisify(execFile);
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"];

interface Packed {
  tarball: string;
  files: string[];
}

async function npmPack(dir: string, dest: string): Promise<Packed> {
  const { stdout } = await exec("npm", ["pack", "--json", "--pack-destination", dest, "--loglevel=error"], { cwd: dir });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack in ${dir} printed no package`);
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Packs `dir` into `dest`; returns the tarball path and the files it holds.
 * This clone (`repoRoot`) is packed once per run and copied to `dest`.
 */
export async function pack(dir: string, dest: string): Promise<Packed> {
  if (path.resolve(dir) !== path.resolve(repoRoot)) return npmPack(dir, dest);
  const shared = await oncePerRun("pack-current", async (into) => {
    fs.writeFileSync(path.join(into, "packed.json"), JSON.stringify(await npmPack(repoRoot, into)));
  });
  const packed = JSON.parse(fs.readFileSync(path.join(shared, "packed.json"), "utf8")) as Packed;
  const tarball = path.join(dest, path.basename(packed.tarball));
  fs.copyFileSync(packed.tarball, tarball);
  return { tarball, files: packed.files };
}

/**
 * Builds and packs the package as it was at `commit` (a release): the files
 * of that commit (git archive), compiled with this clone's TypeScript. The
 * tarball is kept in the user's cache folder, keyed by commit and compiler
 * version, so later runs copy it instead of compiling the release again.
 */
export async function packRelease(commit: string, dest: string): Promise<string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", "typescript", "package.json"), "utf8")) as { version: string };
  const cached = path.join(cacheDir(), "releases", `${commit}-typescript-${version}.tgz`);
  if (!fs.existsSync(cached)) {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), "por-release-"));
    try {
      await exec("sh", ["-c", `git -C "${repoRoot}" archive ${commit} | tar -x -C "${src}"`]);
      fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(src, "node_modules"));
      await exec(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
        cwd: src,
      });
      fs.rmSync(path.join(src, "node_modules"));
      const { tarball } = await npmPack(src, src);
      fs.mkdirSync(path.dirname(cached), { recursive: true });
      // Another run may be filling the cache too: each writes its own file, then renames it into place.
      const partial = `${cached}.${process.pid}`;
      fs.copyFileSync(tarball, partial);
      fs.renameSync(partial, cached);
    } finally {
      fs.rmSync(src, { recursive: true, force: true });
    }
  }
  const tarball = path.join(dest, "pulumi-openai-realtime-release.tgz");
  fs.copyFileSync(cached, tarball);
  return tarball;
}

/**
 * An install kept in the user's cache folder under `key`: made in a folder
 * of this process's, then renamed into place (when two runs make it at once,
 * the first rename wins and the other's copy is dropped).
 */
async function keptInstall(key: string, make: (dir: string) => Promise<void>): Promise<string> {
  const kept = path.join(cacheDir(), "installs", key);
  if (fs.existsSync(path.join(kept, "node_modules"))) return kept;
  const partial = `${kept}.${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    await make(partial);
    fs.renameSync(partial, kept);
  } catch (err) {
    if (!fs.existsSync(path.join(kept, "node_modules"))) throw err;
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return kept;
}

/** A user's project: own node_modules, own file backend, one stack. */
export class UserProject {
  readonly dir: string;
  /** The stack the tests create in it (`pulumi stack init dev`). */
  readonly stack = "dev";
  private readonly root: string;
  private readonly extraEnv: Record<string, string>;

  constructor(files: Record<string, string>, extraEnv: Record<string, string> = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), "por-user-"));
    this.dir = path.join(this.root, "project");
    fs.mkdirSync(this.dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(this.dir, name), text);
    this.extraEnv = extraEnv;
  }

  /**
   * `npm install`s `tarball` and @pulumi/pulumi as a user would, from the cache,
   * replacing any earlier install. Each tarball is installed once per run;
   * every project after the first gets a copy of that install. With
   * `keep: "machine"` (for a release, whose tarball never changes) the
   * install is kept in the user's cache folder for later runs too.
   */
  async install(tarball: string, options: { keep?: "run" | "machine" } = {}): Promise<void> {
    const lockfile = fs.readFileSync(path.join(repoRoot, "package-lock.json"));
    const digest = crypto.createHash("sha256").update(fs.readFileSync(tarball)).update(lockfile).digest("hex").slice(0, 16);
    const make = async (into: string) => {
      const deps = { "@pulumi/pulumi": "3.270.0", "pulumi-openai-realtime": `file:${path.join(into, "package.tgz")}` };
      fs.copyFileSync(tarball, path.join(into, "package.tgz"));
      fs.writeFileSync(path.join(into, "package.json"), JSON.stringify({ name: "user", private: true, main: "index.js", dependencies: deps }));
      // The repo's lockfile pins every dependency; the package's own entry
      // goes, so npm installs the tarball named now, as `npm install <tarball>` would.
      const lock = JSON.parse(lockfile.toString("utf8"));
      lock.name = "user";
      lock.packages[""] = { name: "user", dependencies: deps };
      delete lock.packages["node_modules/pulumi-openai-realtime"];
      fs.writeFileSync(path.join(into, "package-lock.json"), JSON.stringify(lock));
      await exec("npm", ["install", ...NPM_FLAGS], { cwd: into, env: this.env() });
    };
    const installed = options.keep === "machine" ? await keptInstall(`install-${digest}`, make) : await oncePerRun(`install-${digest}`, make);
    fs.rmSync(path.join(this.dir, "node_modules"), { recursive: true, force: true });
    // cp(1), not fs.cpSync: for the thousands of files of node_modules it
    // took about 1 s of CPU here, where fs.cpSync took about 7 s of the worker's.
    const names = ["package.json", "package-lock.json", "node_modules"].map((name) => path.join(installed, name));
    await exec("cp", ["-a", ...names, this.dir]);
  }

  env(extra: Record<string, string | undefined> = {}): Record<string, string> {
    return pulumiEnv(path.join(this.root, "state"), {
      NODE_OPTIONS: undefined,
      // Node's compile cache is keyed by file path, and this project's
      // node_modules is a fresh copy: the repo's cache has no entry for it.
      // One of its own serves the project's later Node processes.
      NODE_COMPILE_CACHE: path.join(this.root, "compile-cache"),
      OPENAI_ORG_ID: undefined,
      OPENAI_PROJECT_ID: undefined,
      ...this.extraEnv,
      ...extra,
    });
  }

  /** Runs a command in the project (with `extra` environment); rejects with its output when it fails. */
  async run(cmd: string, args: string[], extra: Record<string, string | undefined> = {}): Promise<string> {
    try {
      const { stdout, stderr } = await exec(cmd, args, { cwd: this.dir, env: this.env(extra), maxBuffer: 64 << 20 });
      return stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
    }
  }

  async pulumi(...args: string[]): Promise<string> {
    return this.pulumiWith({}, ...args);
  }

  /** `pulumi` with `extra` environment (a variable set to undefined is removed). */
  async pulumiWith(extra: Record<string, string | undefined>, ...args: string[]): Promise<string> {
    const measured = startPulumiRun(args[0]);
    try {
      return await this.run("pulumi", [...args, "--non-interactive"], extra);
    } finally {
      measured();
    }
  }

  /**
   * The checkpoint's resources of this package's kinds, as `pulumi stack
   * export [--show-secrets]` prints them, read from the stack's file in the
   * project's backend (see `readStackState`).
   */
  async resources(showSecrets = false): Promise<Array<StateResource & { outputs: Record<string, unknown> }>> {
    const env = this.env();
    const project = (parseYaml(fs.readFileSync(path.join(this.dir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
    const state = readStackState({
      backendDir: env.PULUMI_BACKEND_URL!.slice("file://".length),
      project,
      stack: this.stack,
      passphrase: showSecrets ? env.PULUMI_CONFIG_PASSPHRASE : undefined,
    });
    if (state === undefined) throw new Error(`no checkpoint of stack '${this.stack}' in ${env.PULUMI_BACKEND_URL}`);
    return (state.deployment.resources ?? [])
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/openai-realtime:"))
      .map((r) => ({ ...r, outputs: r.outputs ?? {} }));
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
