// examples/browser-token as a user runs it: `pulumi up`, `npm start`, then
// the page in a real headless Chromium creates a WebRTC offer, posts it with
// the ek_ token and applies the emulator's answer. No media flows.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-browser-token-test-0e7f";
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function startServer(cwd: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.js"], { cwd, env: { ...env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`server.js exited with ${code}: ${out}`)));
  });
}

describe("examples/browser-token", { timeout: 300_000 }, () => {
  const stack = useStack("examples/browser-token", API_KEY);
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill("SIGTERM");
  });

  it("deploys the template and the browser token", async () => {
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const out = (await stack.ws.outputs(true)) as { clientSecrets: { browser: { value: string } } };
    expect(out.clientSecrets.browser.value).toMatch(/^ek_/);
    const preview = await stack.ws.run(["preview", "--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
  });

  it("connects a headless Chromium page to the emulator with the token", async (ctx) => {
    if (!fs.existsSync(CHROMIUM)) ctx.skip(`no browser at ${CHROMIUM} (.ci/run installs Debian's chromium)`);
    const started = await startServer(stack.ws.dir, stack.ws.env());
    server = started.child;

    const session = (await (await fetch(`${started.url}/session`)).json()) as { token: string; callsUrl: string };
    expect(session.token).toMatch(/^ek_/);
    expect(session.callsUrl).toBe("/v1/realtime/calls");

    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "por-chromium-"));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(started.url);
      await page.click("#start");
      // Page code as strings: this file is compiled without the DOM library.
      await page.waitForFunction('/^(connected|failed)/.test(document.getElementById("status").textContent)', null, {
        timeout: 30_000,
      });
      const status = await page.textContent("#status");
      expect(status).toMatch(/^connected: call rtc_/);
      const remote = await page.evaluate(
        "({ type: window.realtimeCall.pc.remoteDescription.type, signaling: window.realtimeCall.pc.signalingState })",
      );
      expect(remote).toEqual({ type: "answer", signaling: "stable" });

      // The emulator recorded the call, opened with the token's session.
      const callId = (status ?? "").replace("connected: call ", "");
      const call = (await (await fetch(`${stack.emulator.url.replace(/\/v1$/, "")}/_emulator/calls/${callId}`)).json()) as {
        status: string;
        session: { audio: { output: { voice: string } } };
      };
      expect(call.status).toBe("accepted");
      expect(call.session.audio.output.voice).toBe("verse");
      const stats = await stack.emulator.stats();
      expect(stats.requests["POST /v1/realtime/calls"]).toBe(1);
    } finally {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  it("destroys", async () => {
    const destroy = await stack.ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
  });
});
