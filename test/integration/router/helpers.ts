// Shared by the router suites: a router process started from the built CLI,
// a webhook tap between the emulator and the router, test-only secrets and
// polling helpers for call states.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { signWebhook } from "../../../src/client/webhooks";

export const CLI = path.join(repoRoot, "dist", "cli", "main.js");

/** A fresh `whsec_` secret for one test run (never a real one). */
export function testSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** Where the kernel picks the local ports of outgoing connections and of listen(0). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // Not Linux: the IANA range.
  }
  return [49152, 65535];
}

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A port nothing listens on right now, for a process a test starts later,
 * sometimes many seconds later (after a `pulumi up`). It lies below the
 * kernel's ephemeral range: a port from listen(0) could meanwhile become
 * the local end of one of the many connections a parallel test opens, and
 * the process then fails with EADDRINUSE. Below the range only another
 * explicit listener can take it, and the start is random among 10,000.
 */
export async function freePort(): Promise<number> {
  const [low] = ephemeralRange();
  const floor = Math.max(1024, low - 10_000);
  const span = low - floor;
  const first = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = floor + ((first + i) % span);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port from ${floor} to ${low - 1}`);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "por-router-"));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface RouterLog {
  event: string;
  [key: string]: unknown;
}

/** A `pulumi-openai-realtime router` process. */
export class RouterProcess {
  readonly logs: RouterLog[] = [];
  stdout = "";
  stderr = "";
  url = "";
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    // "close", not "exit": by then every log line has been read from the pipe.
    this.exited = new Promise((resolve) => child.once("close", (code) => resolve(code)));
    child.stdout!.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString("utf8");
      const lines = this.stdout.split("\n");
      lines.pop(); // not yet complete
      this.logs.length = 0;
      for (const line of lines) if (line.startsWith("{")) this.logs.push(JSON.parse(line) as RouterLog);
    });
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
  }

  /** Starts the router (or another serving `command`) with `args` and waits for its `listening on` line. */
  static async start(args: string[], options: { env: Record<string, string | undefined>; cwd?: string; command?: string }): Promise<RouterProcess> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...options.env })) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, [CLI, options.command ?? "router", ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    const router = new RouterProcess(child);
    const exitedEarly = router.exited.then((code) => {
      throw new Error(`${options.command ?? "router"} exited with ${code} before listening:\n${router.stdout}${router.stderr}`);
    });
    const url = await Promise.race([waitFor("listening line", () => /listening on (\S+)/.exec(router.stdout)?.[1], 30_000), exitedEarly]);
    router.url = url;
    return router;
  }

  decisions(): RouterLog[] {
    return this.logs.filter((l) => l.event === "decision");
  }

  decisionFor(callId: string): Promise<RouterLog> {
    return waitFor(`decision for ${callId}`, () => this.decisions().find((l) => l.callId === callId && l.action !== "hangup"));
  }

  hangupFor(callId: string): Promise<RouterLog> {
    return waitFor(`hang-up of ${callId}`, () => this.decisions().find((l) => l.callId === callId && l.action === "hangup"));
  }

  async metrics(): Promise<string> {
    return (await fetch(`${this.url}/metrics`)).text();
  }

  /** SIGTERM, then the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
    return this.exited;
  }
}

/** One webhook as the emulator sent it. */
export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sits between the emulator and the router: records every delivery, and
 * either forwards it (re-signed with `signWith` when set) or holds it.
 */
export class WebhookTap {
  readonly deliveries: Delivery[] = [];
  mode: "forward" | "hold" = "forward";
  signWith: string | undefined;
  url = "";
  private server!: Server;

  constructor(public target: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        this.deliveries.push({ headers: req.headers, body });
        if (this.mode === "hold") {
          res.writeHead(200).end();
          return;
        }
        void this.forward({ headers: req.headers, body }, this.signWith).then(
          (r) => res.writeHead(r.status).end(r.text),
          () => res.writeHead(502).end(),
        );
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
    return this;
  }

  /** Sends a recorded delivery to the router (re-signed now with `secret` when given). */
  forward(delivery: Delivery, secret?: string): Promise<{ status: number; text: string }> {
    return sendDelivery(this.target, delivery, secret);
  }

  /** The delivery announcing `callId`. */
  deliveryFor(callId: string): Promise<Delivery> {
    return waitFor(`webhook for ${callId}`, () => this.deliveries.find((d) => d.body.includes(`"${callId}"`)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Posts a recorded delivery to `url` (re-signed now with `secret` when given, same webhook-id). */
export async function sendDelivery(url: string, delivery: Delivery, secret?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) headers[name] = String(delivery.headers[name]);
  if (secret !== undefined) Object.assign(headers, signWebhook({ id: headers["webhook-id"]!, body: delivery.body, secret }));
  const res = await fetch(url, { method: "POST", headers, body: delivery.body });
  return { status: res.status, text: await res.text() };
}

/** The emulator's admin routes for SIP calls. */
export class Calls {
  constructor(private readonly apiUrl: string) {}

  private get admin(): string {
    return this.apiUrl.replace(/\/v1$/, "/_emulator");
  }

  async incoming(headers: Record<string, string>): Promise<string> {
    const res = await fetch(`${this.admin}/calls/incoming`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sip_headers: headers }),
    });
    if (!res.ok) throw new Error(`calls/incoming: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { call_id: string }).call_id;
  }

  async get(id: string): Promise<{ status: string; session: Record<string, unknown> | null; refer_target: string | null; reject_status_code: number | null }> {
    const res = await fetch(`${this.admin}/calls/${id}`);
    if (!res.ok) throw new Error(`calls/${id}: ${res.status}`);
    return (await res.json()) as never;
  }

  /** Waits until the call reaches `status` and returns it. */
  waitFor(id: string, status: string, timeoutMs = 15_000) {
    return waitFor(`call ${id} to be ${status}`, async () => {
      const call = await this.get(id);
      return call.status === status ? call : undefined;
    }, timeoutMs);
  }
}

/** Whether Debian's redis-server is installed (the Redis suites skip without it). */
export function redisServerPath(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const p = found.stdout.trim();
  return found.status === 0 && p !== "" ? p : undefined;
}

/** A throwaway redis-server on a free loopback port with its own folder. */
export class RedisServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {}

  static async start(binary: string): Promise<RedisServer> {
    const port = await freePort();
    const dir = tempDir();
    const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
    await waitFor("redis-server to be ready", () => (/Ready to accept connections/.test(out) ? true : undefined), 15_000);
    return new RedisServer(`redis://127.0.0.1:${port}`, child, dir);
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void {
    this.child.kill("SIGSTOP");
  }

  /** Lets a paused server run again (SIGCONT): it carries out what it was sent meanwhile. */
  resume(): void {
    this.child.kill("SIGCONT");
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.resume();
    this.child.kill("SIGTERM");
    await exited;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The `Examples:` lines of a --help text, as argument lists without the program name. */
export function helpExamples(help: string): string[][] {
  return help
    .split("Examples:\n")[1]!
    .split("\n")
    .filter((line) => line.startsWith("  pulumi-openai-realtime "))
    .map((line) => line.trim().split(/\s+/).slice(1));
}
