// Burst benchmark for the SIP router: the emulator (its own process) announces `--calls`
// (default 100) incoming calls at once with signed webhooks to a router process; the run
// ends when every call has its decision. Reports calls/s and the p50/p99 decision latency
// the router logged (webhook received -> call action answered). Exits 1 if a call is not
// routed. Not part of the test suite.
//
//   npm run build && node bench/router-burst.ts [--calls 100] [--rounds 3] [--json]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

const { spawn } = require("node:child_process") as typeof import("node:child_process");
const { randomBytes } = require("node:crypto") as typeof import("node:crypto");
const fs = require("node:fs") as typeof import("node:fs");
const net = require("node:net") as typeof import("node:net");
const os = require("node:os") as typeof import("node:os");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const KEY = "sk-bench-router";
const ROUTES = [
  { match: { headers: { "X-Spam": "yes" } }, action: "reject", statusCode: 486 },
  { match: { to: "sip:+1415*" }, action: "accept", session: { type: "realtime", model: "gpt-realtime", instructions: "Hi." } },
];

interface Decision {
  event: string;
  callId: string;
  outcome: string;
  latencyMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as import("node:net").AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(args: string[], env: Record<string, string>, onLine: (line: string) => void): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let buffer = "";
    let url: string | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        const match = /^listening on (\S+)/.exec(line);
        if (match !== null && url === undefined) {
          url = match[1]!;
          resolve({ child, url });
        } else onLine(line);
      }
    });
    child.once("exit", (code) => reject(new Error(`${args[0]} exited with ${code}; run 'npm run build' first`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { calls: { type: "string", default: "100" }, rounds: { type: "string", default: "3" }, json: { type: "boolean", default: false } },
  });
  const calls = Number(values.calls);
  const rounds = Number(values.rounds);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "router-burst-"));
  fs.writeFileSync(path.join(dir, "routes.json"), JSON.stringify(ROUTES));
  const decisions = new Map<string, Decision>();
  const routerPort = await freePort();
  const emulator = await start(
    ["emulator", "--port", "0", "--api-key", KEY, "--webhook-url", `http://127.0.0.1:${routerPort}/webhook`, "--webhook-secret", secret],
    {},
    () => undefined,
  );
  const router = await start(
    ["router", "--routes", path.join(dir, "routes.json"), "--port", String(routerPort)],
    { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: emulator.url, OPENAI_WEBHOOK_SECRET: secret },
    (line) => {
      if (!line.startsWith("{")) return;
      const record = JSON.parse(line) as Decision;
      if (record.event === "decision") decisions.set(record.callId, record);
    },
  );
  const admin = emulator.url.replace(/\/v1$/, "/_emulator");
  const burst = async (): Promise<{ ids: string[]; ms: number }> => {
    const started = performance.now();
    const ids = await Promise.all(
      Array.from({ length: calls }, async (_, i) => {
        const headers = { To: `sip:+1415555${String(i).padStart(4, "0")}@bench`, From: "sip:+1", ...(i % 10 === 0 ? { "X-Spam": "yes" } : {}) };
        const res = await fetch(`${admin}/calls/incoming`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sip_headers: headers }) });
        return ((await res.json()) as { call_id: string }).call_id;
      }),
    );
    const deadline = Date.now() + 60_000;
    while (ids.some((id) => !decisions.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    return { ids, ms: performance.now() - started };
  };
  try {
    await burst(); // warm-up
    const latencies: number[] = [];
    let routed = 0;
    let failed = 0;
    let elapsed = 0;
    for (let round = 0; round < rounds; round++) {
      const { ids, ms } = await burst();
      elapsed += ms;
      for (const id of ids) {
        const decision = decisions.get(id);
        if (decision === undefined || decision.outcome !== "ok") failed += 1;
        else routed += 1;
        if (decision !== undefined) latencies.push(decision.latencyMs);
      }
    }
    const sorted = latencies.sort((a, b) => a - b);
    const figures = {
      node: process.version,
      cpus: os.cpus().length,
      calls: calls * rounds,
      routed,
      failed,
      callsPerSecond: Math.round((routed / elapsed) * 1000),
      decisionP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      decisionP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    };
    if (values.json) console.log(JSON.stringify(figures));
    else console.table(figures);
    return failed === 0 ? 0 : 1;
  } finally {
    router.child.kill("SIGTERM");
    emulator.child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
