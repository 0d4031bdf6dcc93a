// The `tokens` service as a real process against the emulator: every status,
// bearer tokens and JWTs (PEM and JWKS), reloads of the tokens file and the
// endpoints file, /healthz and /metrics, the log, a drain on SIGTERM, and a
// secret scan of everything a caller or an operator can read.
import * as fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { revisionOf } from "../../../src/provider/canonical";
import { TestEmulator } from "../../helpers/emulator";
import { SecretScan } from "../../helpers/secrets";
import { CLI, freePort, helpExamples, RouterProcess as ServiceProcess, tempDir, waitFor } from "../router/helpers";
import { API_KEY, AUDIENCE, endpoints, ISSUER, jwksServer, jwt, keyPair, MINTS, mint, ORIGIN, session } from "./helpers";

const BEARER = "svc-bearer-token-0a1b2c3d";
const REALTIME_YAML = `templates:
  concierge:
    session: { type: realtime, model: gpt-realtime, instructions: "You are the YAML concierge.", audio: { output: { voice: marin } } }
tokenEndpoints:
  web:
    template: concierge
    auth: bearer
`;
const ROTATED = "svc-bearer-token-rotated-9f8e";

describe("tokens service", { timeout: 120_000 }, () => {
  let emulator: TestEmulator;
  let dir: string;
  let service: ServiceProcess;
  const keys = keyPair();
  const scan = new SecretScan().watch(API_KEY, "API key").watch(BEARER, "bearer token").watch(ROTATED, "rotated bearer token");
  const bodies: string[] = [];
  const env = () => ({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url });

  const read = async (res: Response) => {
    const text = await res.text();
    bodies.push(text);
    scan.watchTokensIn(text);
    return JSON.parse(text || "null") as Record<string, any>;
  };

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    dir = tempDir();
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify(endpoints()));
    fs.writeFileSync(path.join(dir, "tokens.txt"), `# app servers\n${BEARER}\n`);
    fs.writeFileSync(path.join(dir, "jwt.pem"), keys.pem);
    service = await ServiceProcess.start(
      ["--endpoints", "endpoints.json", "--port", "0", "--auth-tokens-file", "tokens.txt", "--jwt-public-key", "jwt.pem",
        "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE, "--reload-seconds", "1"],
      { cwd: dir, env: env(), command: "tokens" },
    );
  });
  beforeEach(() => emulator.reset());
  afterAll(async () => {
    await service?.stop();
    await emulator?.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints its URL and mints a token whose session is the endpoint's", async () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await mint(service.url, "web", { bearer: BEARER, origin: ORIGIN });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await read(res);
    expect(body).toMatchObject({ endpoint: "web", revision: "rev-1", session: session("You are the concierge.") });
    expect(body.value).toMatch(/^ek_/);
    const log = await waitFor("mint log line", () => service.logs.find((l) => l.event === "token" && l.outcome === "minted"));
    expect(log).toMatchObject({ endpoint: "web", status: 201, subject: expect.stringMatching(/^bearer:[0-9a-f]{12}$/), revision: "rev-1" });
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it("verifies JWTs: a valid one mints with its subject; expired, wrongly signed, wrong audience or issuer do not", async () => {
    const good = await jwt(keys.privateKey);
    scan.watch(good, "JWT");
    const res = await mint(service.url, "signed", { bearer: good });
    expect(res.status).toBe(201);
    await read(res);
    await waitFor("JWT subject in the log", () => service.logs.find((l) => l.outcome === "minted" && l.subject === "user-42"));
    const other = keyPair();
    const now = Math.floor(Date.now() / 1000);
    const bad: Array<[string, string]> = [
      ["token_expired", await jwt(keys.privateKey, { iat: now - 600, exp: now - 300 })],
      ["invalid_token", await jwt(other.privateKey)],
      ["invalid_claims", await jwt(keys.privateKey, { aud: "someone-else" })],
      ["invalid_claims", await jwt(keys.privateKey, { iss: "https://evil.example.com" })],
      ["invalid_token", "not.a.jwt"],
    ];
    for (const [code, token] of bad) {
      scan.watch(token, `refused JWT (${code})`);
      const refused = await mint(service.url, "signed", { bearer: token });
      expect(refused.status, code).toBe(401);
      expect((await read(refused)).error.code).toBe(code);
    }
    expect((await emulator.stats()).requests[MINTS]).toBe(1);
  });

  it.each([
    ["no credentials", () => mint(service.url, "web"), 401, "missing_credentials"],
    ["an unknown bearer token", () => mint(service.url, "web", { bearer: "svc-wrong-token-77" }), 401, "invalid_token"],
    ["an undeclared origin", () => mint(service.url, "web", { bearer: BEARER, origin: "https://evil.example.com" }), 403, "origin_not_allowed"],
    ["an unknown endpoint", () => mint(service.url, "missing", { bearer: BEARER }), 404, "unknown_endpoint"],
    ["a PUT", () => mint(service.url, "open", { method: "PUT" }), 405, "method_not_allowed"],
    ["a body over 16 KiB", () => mint(service.url, "open", { body: "z".repeat(17_000) }), 413, "payload_too_large"],
  ])("refuses %s with $2 and makes no API request", async (_what, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect((await read(res)).error.code).toBe(code);
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("rate-limits a client with 429 and Retry-After, without an API request", async () => {
    // Three mints a minute (burst 3) per client; one was taken by the first test.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await mint(service.url, "web", { bearer: BEARER });
      statuses.push(res.status);
      const body = await read(res);
      if (res.status === 429) {
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(body.error.code).toBe("rate_limited");
      }
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect((await emulator.stats()).requests[MINTS]).toBe(2);
  });

  it("answers 502 with the API's request id when the API fails", async () => {
    await emulator.faults({ count: 10, statuses: [503] });
    const res = await mint(service.url, "open");
    expect(res.status).toBe(502);
    const body = await read(res);
    expect(body.error.request_id).toMatch(/^req_/);
    expect(body.error.code).toBe("api_status_503");
  });

  it("takes a rotated bearer token from the edited tokens file without a restart", async () => {
    fs.writeFileSync(path.join(dir, "tokens.txt"), `${ROTATED}\n`);
    const accepted = await waitFor("rotated token accepted", async () => {
      const res = await mint(service.url, "web", { bearer: ROTATED });
      await read(res);
      return res.status === 201 ? res : undefined;
    });
    expect(accepted.status).toBe(201);
    const old = await mint(service.url, "web", { bearer: BEARER });
    expect(old.status).toBe(401);
    await read(old);
  });

  it("serves an edited endpoints file within its reload period", async () => {
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify(endpoints("Edited and reloaded.")));
    const started = Date.now();
    const reloaded = await waitFor("the edited session", async () => {
      const body = await read(await mint(service.url, "open"));
      return body.session?.instructions === "Edited and reloaded." ? body : undefined;
    });
    expect(reloaded.session).toEqual(session("Edited and reloaded."));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(service.logs.find((l) => l.event === "reload")).toMatchObject({ changed: ["web", "signed", "open"] });
    // A broken edit keeps the last good endpoints.
    fs.writeFileSync(path.join(dir, "endpoints.json"), "{ not json");
    await waitFor("reload_failed log line", () => service.logs.find((l) => l.event === "reload_failed"));
    expect((await mint(service.url, "open")).status).toBe(201);
  });

  it("exports metrics by endpoint and outcome, rate limits, auth failures and latency", async () => {
    const text = await service.metrics();
    expect(text).toMatch(/^token_mints_total\{endpoint="web",outcome="minted"\} [1-9]/m);
    expect(text).toMatch(/^token_mints_total\{endpoint="web",outcome="rate_limited"\} [1-9]/m);
    expect(text).toMatch(/^token_rate_limited_total\{endpoint="web"\} [1-9]/m);
    expect(text).toMatch(/^token_auth_failures_total\{endpoint="signed",reason="token_expired"\} 1$/m);
    expect(text).toMatch(/^token_mint_latency_seconds_count [1-9]/m);
    expect(text).toMatch(/^token_endpoints 3$/m);
    bodies.push(text);
  });

  it("finishes a mint in flight on SIGTERM, then exits 0; no secret in logs, metrics or error bodies", async () => {
    await emulator.faults({ statuses: [], latencyMs: 1500 });
    const inFlight = mint(service.url, "open");
    await waitFor("the mint in flight", async () => (/^token_requests_in_flight 1$/m.test(await service.metrics()) ? true : undefined));
    service.child.kill("SIGTERM");
    const res = await inFlight;
    expect(res.status).toBe(201);
    await read(res);
    expect(await service.exited).toBe(0);
    expect(service.logs.find((l) => l.event === "shutdown")).toMatchObject({ signal: "SIGTERM", inFlight: 1 });
    scan.check("service stdout", service.stdout).check("service stderr", service.stderr);
    bodies.forEach((body, i) => scan.check(`response ${i}`, body.replace(/"value":"ek_[^"]+"/, "")));
    scan.assertClean();
  });
});

describe("tokens service with --jwks-url", { timeout: 60_000 }, () => {
  it("verifies JWTs against the keys a JWKS URL serves; while the keys cannot be fetched, answers 503 with Retry-After, not 401", async () => {
    const emulator = await TestEmulator.start({ apiKey: API_KEY });
    const keys = keyPair();
    const jwks = await jwksServer(keys.publicKey, "key-1");
    // The key server as the service sees it: failing (500) until `up`, then the real keys.
    let up = false;
    const front = createServer((req, res) => {
      if (!up) {
        res.writeHead(500).end("key server down");
        return;
      }
      void fetch(jwks.url).then(async (keysRes) => res.writeHead(keysRes.status, { "content-type": "application/json" }).end(await keysRes.text()));
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify({ signed: endpoints().signed }));
    const jwksUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/jwks.json`;
    const service = await ServiceProcess.start(["--endpoints", "endpoints.json", "--port", "0", "--jwks-url", jwksUrl, "--jwt-audience", AUDIENCE], {
      cwd: dir,
      env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
      command: "tokens",
    });
    try {
      const down = await mint(service.url, "signed", { bearer: await jwt(keys.privateKey, {}, "key-1") });
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe("jwks_unavailable");
      up = true;
      expect((await mint(service.url, "signed", { bearer: await jwt(keys.privateKey, {}, "key-1") })).status).toBe(201);
      expect((await mint(service.url, "signed", { bearer: await jwt(keyPair().privateKey, {}, "key-1") })).status).toBe(401);
      expect((await mint(service.url, "signed", { bearer: await jwt(keys.privateKey, {}, "key-2") })).status).toBe(401);
      expect((await emulator.stats()).requests[MINTS]).toBe(1);
    } finally {
      expect(await service.stop()).toBe(0);
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await jwks.close();
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("tokens --help", { timeout: 90_000 }, () => {
  it("prints examples that run as printed (the --stack one is run by stack.test.ts's pattern, not here)", async () => {
    const { execFile } = await import("node:child_process");
    const help = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [CLI, "tokens", "--help"], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    const examples = helpExamples(help).filter((args) => !args.includes("--stack"));
    expect(examples.map((a) => a.slice(0, 2).join(" "))).toEqual(["tokens --endpoints", "tokens --endpoints", "tokens --config"]);
    const emulator = await TestEmulator.start({ apiKey: API_KEY });
    const dir = tempDir();
    const keys = keyPair();
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify({ web: endpoints().web, signed: endpoints().signed }));
    fs.writeFileSync(path.join(dir, "tokens.txt"), `${BEARER}\n`);
    fs.writeFileSync(path.join(dir, "jwt-public.pem"), keys.pem);
    fs.writeFileSync(path.join(dir, "realtime.yaml"), REALTIME_YAML);
    try {
      for (const args of examples) {
        // The printed port, swapped for a free one so parallel suites cannot collide.
        const service = await ServiceProcess.start(args.slice(1).map((a) => (a === "8788" ? "0" : a)), {
          cwd: dir,
          env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
          command: "tokens",
        });
        const res = args.includes("--auth-tokens-file")
          ? await mint(service.url, "web", { bearer: BEARER })
          : await mint(service.url, "signed", { bearer: await jwt(keys.privateKey) });
        expect(res.status, args.join(" ")).toBe(201);
        const body = (await res.json()) as { revision: string; session: unknown };
        if (args.includes("--config")) {
          // The template's session as written, and its revision (sha256 of its canonical JSON).
          expect(body.session).toEqual(session("You are the YAML concierge."));
          expect(body.revision).toBe(revisionOf(session("You are the YAML concierge."), undefined));
        }
        expect(await service.stop()).toBe(0);
      }
    } finally {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start when no endpoint can be served with the auth it was given, naming the flag", async () => {
    const { execFile } = await import("node:child_process");
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify({ web: endpoints().web }));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(process.execPath, [CLI, "tokens", "--endpoints", "endpoints.json"], { cwd: dir, env: { ...process.env, OPENAI_API_KEY: API_KEY } }, (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stderr }),
      ),
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'web' (auth: bearer: give --auth-tokens-file)");
  });
});

describe("docs/tokens.md library example", { timeout: 60_000 }, () => {
  it("serves the handler from node:http as printed", async () => {
    const { spawn } = await import("node:child_process");
    const { readmeSnippet } = await import("../../helpers/readme");
    const { repoRoot } = await import("../../../scripts/local-pulumi.js");
    const emulator = await TestEmulator.start({ apiKey: API_KEY });
    const dir = tempDir();
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify({ web: endpoints().web }));
    // The printed port, swapped for a free one so parallel suites cannot collide.
    const port = await freePort();
    fs.writeFileSync(path.join(dir, "server.mts"), readmeSnippet("token-handler").code.replaceAll("8788", String(port)));
    const child = spawn(process.execPath, ["server.mts"], {
      cwd: dir,
      env: { ...process.env, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url, APP_TOKEN: BEARER, NODE_OPTIONS: "" },
    });
    try {
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (out += c.toString()));
      await waitFor("the example listening", () => (out.includes(`listening on http://127.0.0.1:${port}`) ? true : undefined));
      const url = `http://127.0.0.1:${port}`;
      const ok = await mint(url, "web", { bearer: BEARER, origin: ORIGIN });
      expect(ok.status).toBe(201);
      expect(((await ok.json()) as { value: string }).value).toMatch(/^ek_/);
      expect((await mint(url, "web", { bearer: "someone-else-token" })).status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
