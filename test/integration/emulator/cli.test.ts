// The built bin as users run it: `node dist/cli/main.js emulator ...`.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "dist", "cli", "main.js");

// dist/ is built once by the global setup; rebuilding here would rewrite
// files other test files are loading.
function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
}

/** Resolves with the URL from the `listening on ...` line. */
function listening(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/v1)\n/.exec(out);
      if (match !== null) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening; stdout: ${out}`)));
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stderr })));
}

describe("pulumi-openai-realtime emulator", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("serves until %s, then exits 0", async (signal) => {
    const child = run(["emulator", "--port", "0", "--api-key", "sk-cli"]);
    const done = exited(child);
    const url = await listening(child);
    const response = await fetch(`${url}/realtime/client_secrets`, {
      method: "POST",
      headers: { authorization: "Bearer sk-cli", "content-type": "application/json" },
      body: JSON.stringify({ session: { type: "realtime", model: "gpt-realtime" } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { value: string }).value).toMatch(/^ek_/);
    child.kill(signal);
    expect(await done).toEqual({ code: 0, signal: null, stderr: "" });
  });

  it("exits 2 naming a bad flag", async () => {
    const child = run(["emulator", "--fault-rate", "2"]);
    expect(await exited(child)).toEqual({
      code: 2,
      signal: null,
      stderr:
        "pulumi-openai-realtime emulator: --fault-rate must be a number from 0 to 1 (got '2').\n" +
        "Run 'pulumi-openai-realtime emulator --help' for usage.\n",
    });
  });

  it("exits 1 when the port is taken", async () => {
    const first = run(["emulator", "--port", "0"]);
    const firstDone = exited(first);
    const port = new URL(await listening(first)).port;
    const second = run(["emulator", "--port", port]);
    expect(await exited(second)).toEqual({
      code: 1,
      signal: null,
      stderr: `pulumi-openai-realtime emulator: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`,
    });
    first.kill("SIGTERM");
    expect((await firstDone).code).toBe(0);
  });
});
