// examples/browser-token as a user runs it: `pulumi up`, `npm start`, the
// token service started from the stack's outputs as the example's README
// prints it, then the page in a real headless Chromium connects twice through
// TokenSource (a fresh token each), and the same page served from an origin
// the endpoint does not declare is refused without an API request. The kiosk
// page still connects with the stack's one client secret. No media flows.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { useStack } from "../../helpers/stack";
import { freePort } from "../router/helpers";

const API_KEY = "sk-browser-token-test-0e7f";
const CHROMIUM = "/usr/bin/chromium";
const EXAMPLE = path.join(repoRoot, "examples", "browser-token");
const CLI = path.join(repoRoot, "dist", "cli", "main.js");
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Started {
  child: ChildProcess;
  url: string;
  /** Everything it printed on stdout so far. */
  stdout(): string;
}

/** Starts `node <args>` and resolves once it prints its `listening on` line. */
function start(args: string[], cwd: string, env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1], stdout: () => out });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${out}${err}`)));
  });
}

/** The `npx pulumi-openai-realtime tokens ...` line of the example's README, as arguments after the bin name. */
function readmeTokensCommand(): string[] {
  const readme = fs.readFileSync(path.join(EXAMPLE, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => l.startsWith("npx pulumi-openai-realtime tokens "));
  if (line === undefined) throw new Error("examples/browser-token/README.md has no `npx pulumi-openai-realtime tokens` line");
  return line.replace(/\s+#.*$/, "").trim().split(/\s+/).slice(2);
}

/** Clicks Connect and waits for connection `n` to end, connected or failed; returns the status line. */
async function connect(page: Page, n: number): Promise<string> {
  await page.click("#start");
  // Page code as strings: this file is compiled without the DOM library.
  await page.waitForFunction(`/^(connected|failed) ${n}:/.test(document.getElementById("status").textContent)`, null, { timeout: 60_000 });
  return (await page.textContent("#status")) ?? "";
}

describe("examples/browser-token", { timeout: 300_000 }, () => {
  const stack = useStack("examples/browser-token", API_KEY);
  const started: Started[] = [];
  afterAll(() => {
    for (const process of started) process.child.kill("SIGTERM");
  });
  let appPort = 0;

  it("deploys the template, the browser token endpoint and the kiosk's client secret", async () => {
    // The page's origin in this run; realtime.yaml declares the app's default, http://127.0.0.1:3000.
    appPort = await freePort();
    const config = fs.readFileSync(path.join(EXAMPLE, "realtime.yaml"), "utf8");
    expect(config).toContain(`allowedOrigins: ["http://127.0.0.1:3000"]`);
    stack.ws.write("realtime.yaml", config.replace("http://127.0.0.1:3000", `http://127.0.0.1:${appPort}`));
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const out = (await stack.ws.outputs(true)) as {
      tokenEndpoints: { browser: { session: { model: string }; expiresAfterSeconds: number; allowedOrigins: string[]; auth: string } };
      clientSecrets: { kiosk: { value: string } };
    };
    expect(out.tokenEndpoints.browser).toMatchObject({
      session: { model: "gpt-realtime" },
      expiresAfterSeconds: 60,
      allowedOrigins: [`http://127.0.0.1:${appPort}`],
      auth: "jwt",
    });
    expect(out.clientSecrets.kiosk.value).toMatch(/^ek_/);
    const preview = await stack.ws.run(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
  });

  it("connects twice from Chromium with two fresh tokens from the token service; an undeclared origin is refused", async (ctx) => {
    if (!fs.existsSync(CHROMIUM)) ctx.skip(`no browser at ${CHROMIUM} (.ci/run installs Debian's chromium)`);
    const env = { ...stack.ws.env(), OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: stack.emulator.url };
    // `npm start` first: it writes the app's JWT key, which the token service is started with.
    const tokensPort = await freePort();
    const app = await start(["server.js"], stack.ws.dir, { ...env, PORT: String(appPort), TOKENS_URL: `http://127.0.0.1:${tokensPort}` });
    started.push(app);
    const args = readmeTokensCommand().map((a) =>
      a === "organization/browser-token/dev" ? `organization/browser-token/${stack.ws.stack}` : a === "8788" ? String(tokensPort) : a,
    );
    expect(args.slice(0, 3)).toEqual(["tokens", "--stack", "organization/browser-token/test"]);
    const tokens = await start([CLI, ...args], stack.ws.dir, env);
    started.push(tokens);

    // What `pulumi up` minted (the template's probe, the kiosk's secret), before any page runs.
    const deployed = (await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"] ?? 0;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "por-chromium-"));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(app.url);
      await page.waitForFunction('document.getElementById("status").textContent === "ready"');
      expect(await connect(page, 1)).toMatch(/^connected 1: call rtc_/);
      expect(await connect(page, 2)).toMatch(/^connected 2: call rtc_/);
      const connections = (await page.evaluate("window.connections.map((c) => ({ callId: c.callId, token: c.token }))")) as Array<{
        callId: string;
        token: string;
      }>;
      expect(connections).toHaveLength(2);
      expect(connections[0]!.token).toMatch(/^ek_/);
      expect(connections[1]!.token).toMatch(/^ek_/);
      expect(connections[0]!.token).not.toBe(connections[1]!.token);
      expect(connections[0]!.callId).not.toBe(connections[1]!.callId);

      // The emulator recorded both calls, each opened with the template's session.
      const admin = stack.emulator.url.replace(/\/v1$/, "");
      for (const { callId } of connections) {
        const call = (await (await fetch(`${admin}/_emulator/calls/${callId}`)).json()) as { status: string; session: { audio: { output: { voice: string } } } };
        expect(call.status).toBe("accepted");
        expect(call.session.audio.output.voice).toBe("verse");
      }
      expect((await stack.emulator.stats()).requests["POST /v1/realtime/calls"]).toBe(2);

      // The same page from http://localhost: an origin the endpoint does not declare.
      const other = await browser.newPage();
      await other.goto(app.url.replace("127.0.0.1", "localhost"));
      await other.waitForFunction('document.getElementById("status").textContent === "ready"');
      // Refused at once (CORS is not transient): no retries of the refused mint.
      expect(await connect(other, 1)).toMatch(/^failed 1: token endpoint refused this page's origin \(CORS\)/);
      await other.close();
      await page.close();

      // Every refused request was the undeclared origin's, and none reached the API: one mint per token the service handed out.
      const records = tokens
        .stdout()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { outcome: string; status: number; origin?: string; reason?: string });
      const refused = records.filter((r) => r.origin === `http://localhost:${appPort}`);
      // The page's prefetch, then its connection's mint and the spare minted with it: three
      // preflights, each refused once and never retried (with retries: five each).
      expect(refused).toHaveLength(3);
      expect(refused.every((r) => r.status === 403 && r.reason === "origin_not_allowed")).toBe(true);
      const minted = records.filter((r) => r.status === 201);
      expect(minted.every((r) => r.origin === `http://127.0.0.1:${appPort}`)).toBe(true);
      const stats = await stack.emulator.stats();
      expect(stats.requests["POST /v1/realtime/client_secrets"]).toBe(deployed + minted.length);
      // Two connections, and at most the one spare TokenSource keeps minted ahead.
      expect([2, 3]).toContain(minted.length);
      expect(stats.requests["POST /v1/realtime/calls"]).toBe(2);
      // No token in the service's log.
      for (const { token } of connections) expect(tokens.stdout()).not.toContain(token);

      // The kiosk path: the stack's one client secret, read by the app server.
      const kiosk = await browser.newPage();
      await kiosk.goto(`${app.url}/kiosk.html`);
      await kiosk.click("#start");
      await kiosk.waitForFunction('/^(connected|failed)/.test(document.getElementById("status").textContent)', null, { timeout: 30_000 });
      expect(await kiosk.textContent("#status")).toMatch(/^connected: call rtc_/);
    } finally {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  it("destroys", async () => {
    const destroy = await stack.ws.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});
