// Nothing a test runs may leave the machine. The guard refuses and records
// non-loopback connections in the vitest workers and in every process the
// harness starts; the global teardown fails the run when the record is not
// empty. Each test here points the guard at a private record, so the
// attempts it provokes on purpose do not fail the run.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { refusedConnections } from "../../helpers/net-log";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { guardEnv, guardInstalled, NET_GUARD, NET_LOG_ENV, UNREACHABLE_BASE_URL } from "../../helpers/safety";

const run = promisify(execFile);
const API_KEY = "sk-guard-test-4b1f09";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "por-guard-"));
let n = 0;
const privateLog = (): string => path.join(tmp, `refused-${++n}.jsonl`);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("network guard in the vitest worker", () => {
  const suiteLog = process.env[NET_LOG_ENV];
  afterEach(() => {
    if (suiteLog === undefined) delete process.env[NET_LOG_ENV];
    else process.env[NET_LOG_ENV] = suiteLog;
  });

  it("is installed, with the run's record and no developer OpenAI settings", () => {
    expect(guardInstalled()).toBe(true);
    expect(suiteLog).toMatch(/refused\.jsonl$/);
    expect(process.env.NODE_OPTIONS).toBe(`--require ${NET_GUARD}`);
    expect(process.env.OPENAI_BASE_URL).toBeUndefined();
    expect(process.env.OPENAI_API_KEY).toBeUndefined();
  });

  it("refuses fetch to api.openai.com before any DNS lookup, and records it", async () => {
    const log = privateLog();
    process.env[NET_LOG_ENV] = log;
    const error = await fetch("https://api.openai.com/v1/models").then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string; message?: string } },
    );
    expect(error?.cause?.code).toBe("ERR_NETWORK_GUARD");
    expect(error?.cause?.message).toBe(
      "network guard: refused a connection to api.openai.com:443; tests may only reach loopback (127.0.0.1)",
    );
    expect(refusedConnections(log)).toEqual([{ host: "api.openai.com", port: 443, pid: process.pid, argv: expect.any(Array) }]);
  });

  it("lets loopback through", async () => {
    const emulator = await TestEmulator.start();
    try {
      const log = privateLog();
      process.env[NET_LOG_ENV] = log;
      expect((await emulator.stats()).faults).toBe(0);
      expect(refusedConnections(log)).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe("network guard in child processes", () => {
  it("is preloaded into a plain `node` child that inherits the worker's environment", async () => {
    const log = privateLog();
    const script = `fetch("http://192.0.2.1/").then(() => console.log("reached"), (e) => console.log(e.cause.code))`;
    const { stdout } = await run(process.execPath, ["-e", script], { env: { ...process.env, [NET_LOG_ENV]: log } });
    expect(stdout.trim()).toBe("ERR_NETWORK_GUARD");
    expect(refusedConnections(log).map((r) => `${r.host}:${String(r.port)}`)).toEqual(["192.0.2.1:80"]);
  });

  it("is preloaded by guardEnv() even where NODE_OPTIONS was cleared", async () => {
    const log = privateLog();
    const script = `require("node:https").get("https://example.com/").on("error", (e) => console.log(e.code))`;
    const { stdout } = await run(process.execPath, ["-e", script], {
      env: { PATH: process.env.PATH ?? "", ...guardEnv(), [NET_LOG_ENV]: log },
    });
    expect(stdout.trim()).toBe("ERR_NETWORK_GUARD");
    expect(refusedConnections(log)).toHaveLength(1);
  });
});

describe("network guard under the pulumi engine", { timeout: 180_000 }, () => {
  let emulator: TestEmulator;
  let ws: PulumiWorkspace;
  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    ws = await PulumiWorkspace.create("test/fixtures/many-secrets", { env: { OPENAI_API_KEY: API_KEY } });
  });
  afterAll(async () => {
    await ws?.dispose();
    await emulator?.close();
  });

  it("stops a provider that falls back to https://api.openai.com/v1, and records where it came from", async () => {
    const log = privateLog();
    // A refused connection is retried like any connection error; what is
    // tested here is the refusal, not the retry budget (minutes by default).
    await ws.setConfig("openai-realtime:maxRetries", "0");
    // No base URL anywhere: the provider's default is the real API.
    const up = await ws.up({ OPENAI_BASE_URL: undefined, [NET_LOG_ENV]: log });
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("network guard: refused a connection to api.openai.com:443");
    expect(up.output).not.toContain(API_KEY);
    const refused = refusedConnections(log);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.host === "api.openai.com" && r.port === 443)).toBe(true);
    // The dynamic provider host, a process the engine started, not the test.
    expect(refused[0]!.pid).not.toBe(process.pid);
    expect(refused[0]!.argv.join(" ")).toContain("dynamic-provider");
  });

  it("refuses to run with a non-loopback OPENAI_BASE_URL", async () => {
    await expect(ws.up({ OPENAI_BASE_URL: "https://api.openai.com/v1" })).rejects.toThrow(
      'OPENAI_BASE_URL is "https://api.openai.com/v1": tests may only reach a local emulator on 127.0.0.1',
    );
    await expect(ws.setConfig("openai-realtime:baseUrl", "https://example.com/v1")).rejects.toThrow(
      'openai-realtime:baseUrl is "https://example.com/v1": tests may only reach a local emulator on 127.0.0.1',
    );
  });

  it("refuses to run once the stack config names a non-loopback openai-realtime:baseUrl", async () => {
    await ws.run(["config", "set", "openai-realtime:baseUrl", "https://api.openai.com/v1"], { check: true });
    try {
      await expect(ws.preview()).rejects.toThrow('openai-realtime:baseUrl is "https://api.openai.com/v1"');
    } finally {
      fs.rmSync(path.join(ws.dir, `Pulumi.${ws.stack}.yaml`));
    }
    await ws.setConfig("openai-realtime:baseUrl", emulator.url);
    const preview = await ws.preview();
    expect(preview.code, preview.output).toBe(0);
  });

  it("passes only allow-listed variables of the caller's environment", () => {
    const leaked = { OPENAI_ORG_ID: "org-developer", PULUMI_ACCESS_TOKEN: "pul-developer", NODE_OPTIONS: "--inspect" };
    Object.assign(process.env, leaked);
    try {
      const env = ws.env();
      expect(env.OPENAI_ORG_ID).toBeUndefined();
      expect(env.PULUMI_ACCESS_TOKEN).toBeUndefined();
      expect(env.NODE_OPTIONS).toBe(`--require ${NET_GUARD}`);
      expect(env.OPENAI_BASE_URL).toBe(UNREACHABLE_BASE_URL);
      expect(env.HOME).toBe(process.env.HOME);
      expect(env.PULUMI_BACKEND_URL).toBe(`file://${path.join(ws.stateDir, "backend")}`);
    } finally {
      for (const name of Object.keys(leaked)) delete process.env[name];
      process.env.NODE_OPTIONS = `--require ${NET_GUARD}`;
    }
  });
});
