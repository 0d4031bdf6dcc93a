import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { parseResolvedRoutes } from "../calls/routes";
import type { CallRoute } from "../schemas/call-routes";
import { UsageError } from "./command";

const execFileAsync = promisify(execFile);

/** Where the router's routes come from: exactly one of the three. */
export type RouteSource = { kind: "routes"; file: string } | { kind: "stack"; stack: string } | { kind: "config"; file: string };

/**
 * Reads a `--routes` file: a JSON list of resolved routes (accept routes
 * carry `session`), or an object with a `callRoutes` list (a saved
 * `pulumi stack output --json`).
 */
export function routesFromFile(file: string): CallRoute[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--routes: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--routes: ${file} is not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(json) ? json : (json as { callRoutes?: unknown } | null)?.callRoutes;
  if (!Array.isArray(list)) throw new UsageError(`--routes: ${file} must hold a JSON list of call routes (or {"callRoutes": [...]})`);
  return parseResolvedRoutes(list);
}

/**
 * One output of a stack, read as JSON with the pulumi CLI (in the current
 * directory, with the current backend login and environment); secret values
 * read as "[secret]" unless `showSecrets`.
 */
export async function stackOutput(stack: string, showSecrets: boolean, output = "callRoutes"): Promise<unknown> {
  const args = ["stack", "output", output, "--json", "--stack", stack, "--non-interactive"];
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("pulumi", showSecrets ? [...args, "--show-secrets"] : args, { maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string };
    if (e.code === "ENOENT") throw new Error("--stack needs the pulumi CLI on PATH");
    const detail = (e.stderr ?? "").trim().split("\n").pop() ?? "";
    throw new Error(`--stack ${stack}: 'pulumi stack output ${output}' failed: ${detail}`);
  }
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`--stack ${stack}: the ${output} output is not JSON`);
  }
}

/**
 * Reads the `callRoutes` output of a stack with the pulumi CLI (in the
 * current directory, with the current backend login and environment). Only
 * when the output holds secret values (a session with credentials) is it
 * read again with `--show-secrets`: the router needs them to accept calls,
 * and keeps them in memory only.
 */
export async function routesFromStack(stack: string): Promise<CallRoute[]> {
  let json = await stackOutput(stack, false);
  if (JSON.stringify(json).includes('"[secret]"')) json = await stackOutput(stack, true);
  if (!Array.isArray(json)) throw new Error(`--stack ${stack}: the stack has no callRoutes list output`);
  return parseResolvedRoutes(json);
}
