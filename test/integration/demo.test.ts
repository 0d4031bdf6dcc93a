// The README's first command as a newcomer runs it: a copy of the repo as
// `git clone` gives it (no build, no .tools), system Node and npm first on
// PATH, then `npm run demo`; then every "try next" line exactly as the demo
// prints it. The copy gets this clone's node_modules (hard links), so setup
// finds the lockfile installed and skips npm ci: that install is what every
// CI run does first on its own fresh clone (`npm test` runs the same setup),
// and how setup shows npm's output on an old system Node is a unit test's
// (test/unit/cli/setup-npm-output.test.ts).
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeModulesBin, repoRoot, toolsBin } from "../../scripts/local-pulumi.js";
import { readmeSnippet, shellCommands } from "../helpers/readme";
import { freePort } from "./router/helpers";

const execFileAsync = promisify(execFile);
const clone = fs.mkdtempSync(path.join(os.tmpdir(), "por-newcomer-"));

/** What a newcomer's shell has: PATH without the repo's pinned Node and Pulumi. */
function newcomerEnv(port: number): Record<string, string> {
  const ours = new Set([toolsBin, nodeModulesBin].map((p) => path.resolve(p)));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("npm_") && !k.startsWith("PULUMI_") && !k.startsWith("VITEST")) env[k] = v;
  }
  env["PATH"] = (process.env["PATH"] ?? "")
    .split(path.delimiter)
    .filter((p) => !ours.has(path.resolve(p)) && !p.includes(`${path.sep}node_modules${path.sep}.bin`))
    .join(path.delimiter);
  delete env["OPENAI_API_KEY"];
  delete env["OPENAI_BASE_URL"];
  delete env["NODE_OPTIONS"];
  // The suite's compile cache: a newcomer has none (the demo's pulumi runs
  // keep one in the copy's node_modules/.cache, see scripts/local-pulumi.js).
  delete env["NODE_COMPILE_CACHE"];
  env["DEMO_PORT"] = String(port);
  return env;
}

async function run(command: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd: clone, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: (e.stdout ?? "") + (e.stderr ?? "") };
  }
}

describe("npm run demo, as a newcomer runs it", { timeout: 900_000 }, () => {
  let env: Record<string, string>;
  let demo: { code: number; output: string };

  beforeAll(async () => {
    // The working tree as `git clone` would give it (tracked and new files, nothing ignored).
    const { stdout } = await execFileAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot });
    for (const file of stdout.split("\0").filter(Boolean)) {
      const from = path.join(repoRoot, file);
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(from, path.join(clone, file));
    }
    // node_modules as npm ci leaves it, without this clone's caches.
    fs.mkdirSync(path.join(clone, "node_modules"));
    const installed = fs.readdirSync(path.join(repoRoot, "node_modules")).filter((name) => name !== ".cache");
    await execFileAsync("cp", ["-al", ...installed.map((name) => path.join(repoRoot, "node_modules", name)), path.join(clone, "node_modules")]);
    env = newcomerEnv(await freePort());
    demo = await run("npm", ["run", "demo"], env);
  }, 900_000);

  afterAll(() => fs.rmSync(clone, { recursive: true, force: true }));

  it("deploys realtime.yaml against the emulator and shows the outputs once, secrets hidden", () => {
    expect(demo.code, demo.output).toBe(0);
    expect(demo.output).toMatch(/Realtime API emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(demo.output).toContain("+ 6 created");
    expect(demo.output).toMatch(/templates\.concierge +gpt-realtime, voice marin, revision [0-9a-f]{12}/);
    expect(demo.output).toMatch(/clientSecrets\.web +value \[secret\], expires \d\d:\d\d:\d\d UTC/);
    expect(demo.output).toMatch(/callRoutes\.0 +\{"headers":\{"X-Tier":"gold"\},"to":"sip:\+1415\*"\} -> accept with template concierge \(session attached\)/);
    expect(demo.output).not.toMatch(/ek_[A-Za-z0-9]/);
    expect(demo.output.match(/Stack outputs of/g)).toHaveLength(1);
  });

  it("deploys with the repo's policy pack checking every resource, which reports nothing on it", () => {
    expect(fs.existsSync(path.join(clone, "policy", "PulumiPolicy.yaml"))).toBe(true);
    const [before, update] = demo.output.split("Deploying, every resource checked by the policy pack (policy/):\nUpdating (dev):");
    expect(update, demo.output).toBeDefined();
    expect(before).not.toContain("Updating (");
    expect(update).toMatch(/Loading policy packs\.\.\.: done[\s\S]*Policies:\n +✅ openai-realtime@v[\d.]+ \(local: policy\)\n[\s\S]*\+ 6 created/);
    // One engine run: no preview of its own.
    expect(demo.output).not.toContain("Previewing update");
    // Not even an advisory finding: what a newcomer starts from passes the package's own checks.
    expect(demo.output).not.toMatch(/OAIRT\d{3}/);
  });

  it("carries no warning a newcomer cannot act on", () => {
    expect(demo.output).not.toContain("EBADENGINE");
    expect(demo.output).not.toMatch(/npm warn/i);
    expect(demo.output).not.toMatch(/^\s*warning:/im);
  });

  it("lists the token endpoint, and docs/tokens.md's two lines start the token service on the demo stack and mint a token", async () => {
    expect(demo.output).toMatch(/tokenEndpoints\.web +template concierge, auth bearer, 60 s tokens \(npm run tokens\)/);
    const [serve, curl] = shellCommands(readmeSnippet("token-service"));
    expect(serve!.slice(0, 3).join(" ")).toBe("npm run tokens");
    expect(curl![0]).toBe("curl");
    // The printed port, swapped for a free one so parallel suites cannot collide.
    const port = String(await freePort());
    const swap = (words: string[]) => words.map((w) => w.replace("8788", port));
    const service = spawn(serve![0]!, swap(serve!.slice(1)), { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    service.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    service.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => service.once("exit", resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (!out.includes(`listening on http://127.0.0.1:${port}`)) {
        if (Date.now() > deadline || service.exitCode !== null) throw new Error(`the token service did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const minted = await run(curl![0]!, swap(curl!.slice(1)), env);
      expect(minted.code, minted.output).toBe(0);
      const body = JSON.parse(minted.output) as { value: string; endpoint: string; session: { instructions?: string } };
      expect(body.value).toMatch(/^ek_/);
      expect(body.endpoint).toBe("web");
      expect(body.session.instructions).toContain("You are Alex");
      expect(out).not.toContain(body.value);
    } finally {
      // npm, the script and the service: the whole group, as Ctrl-C would.
      process.kill(-service.pid!, "SIGTERM");
      await exited;
    }
  });

  it("ends with three lines to try next, each working as printed", async () => {
    const tail = demo.output.slice(demo.output.indexOf("Try next (from this folder):"));
    const lines = tail
      .split("\n")
      .slice(1, 4)
      .map((line) => line.replace(/#.*$/, "").trim());
    expect(lines).toEqual([
      "npm run pulumi -- stack output clientSecrets --show-secrets",
      "npm run pulumi -- preview --diff",
      "npm run pulumi -- destroy --yes",
    ]);
    // The README's quickstart shows the same three.
    expect(shellCommands(readmeSnippet("try-next")).map((words) => words.join(" "))).toEqual(lines);
    const results = [];
    for (const line of lines) {
      const [command = "", ...args] = line.split(/\s+/);
      results.push(await run(command, args, env));
    }
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(results[0]?.output).toMatch(/"web":\{[^}]*"value":"ek_[0-9a-f]+"/);
    expect(results[1]?.output).toContain("6 unchanged");
    expect(results[2]?.output).toContain("- 6 deleted");
    expect(results[2]?.output).toContain(
      "Destroyed. The API has no revoke: tokens minted by this stack stay valid until they expire",
    );
  });
});
