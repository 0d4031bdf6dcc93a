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
 * Reads the `callRoutes` output of a stack with the pulumi CLI (in the
 * current directory, with the current backend login and environment).
 */
export async function routesFromStack(stack: string): Promise<CallRoute[]> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("pulumi", ["stack", "output", "callRoutes", "--json", "--stack", stack, "--non-interactive"], {
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string };
    if (e.code === "ENOENT") throw new Error("--stack needs the pulumi CLI on PATH");
    const detail = (e.stderr ?? "").trim().split("\n").pop() ?? "";
    throw new Error(`--stack ${stack}: 'pulumi stack output callRoutes' failed: ${detail}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(`--stack ${stack}: the callRoutes output is not JSON`);
  }
  if (!Array.isArray(json)) throw new Error(`--stack ${stack}: the stack has no callRoutes list output`);
  return parseResolvedRoutes(json);
}
