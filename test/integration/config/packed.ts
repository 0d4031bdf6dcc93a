// The package as a user installs it: `npm pack`, then the tarball unpacked
// into a project's node_modules. This machine has no registry access and
// npm's cache holds tarballs but not the registry metadata `npm install`
// needs to resolve ranges, so the package's own dependencies are linked from
// the repo's node_modules (the versions its lockfile pins).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { pack } from "../packaging/packed";

const run = promisify(execFile);

/** `npm pack` of the repo (built beforehand) in a folder of its own; returns the tarball's path. */
export async function packPackage(): Promise<string> {
  return (await pack(repoRoot, fs.mkdtempSync(path.join(os.tmpdir(), "por-pack-")))).tarball;
}

/**
 * Installs the tarball into `projectDir/node_modules`, with every other
 * dependency linked from the repo, and its bin in `node_modules/.bin` as npm
 * links it. Returns the installed package's folder.
 */
export async function installPacked(projectDir: string, tarball: string): Promise<string> {
  const modules = path.join(projectDir, "node_modules");
  fs.rmSync(modules, { recursive: true, force: true });
  const own = path.join(modules, "pulumi-openai-realtime");
  fs.mkdirSync(own, { recursive: true });
  await run("tar", ["-xzf", tarball, "-C", own, "--strip-components=1"]);
  const repoModules = path.join(repoRoot, "node_modules");
  for (const name of fs.readdirSync(repoModules)) {
    if (name === "pulumi-openai-realtime" || name.startsWith(".")) continue;
    fs.symlinkSync(path.join(repoModules, name), path.join(modules, name));
  }
  const main = path.join(own, "dist", "cli", "main.js");
  fs.chmodSync(main, 0o755);
  fs.mkdirSync(path.join(modules, ".bin"));
  fs.symlinkSync(path.relative(path.join(modules, ".bin"), main), path.join(modules, ".bin", "pulumi-openai-realtime"));
  return own;
}
