// Runs the built `pulumi-openai-realtime` CLI as a user would, in a given folder.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../../scripts/local-pulumi.js";

const execFileAsync = promisify(execFile);
export const FIXTURES = path.join(__dirname, "fixtures");
const MAIN = path.join(repoRoot, "dist", "cli", "main.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pulumi-openai-realtime <args>` with `cwd` as the working folder; never rejects. */
export async function cli(args: string[], cwd = FIXTURES): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [MAIN, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A Node.js stack trace line, which no CLI output may contain. */
export const STACK_TRACE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
