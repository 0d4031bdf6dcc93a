// Burst benchmark for the SIP router: `--calls` (default 100) SIP calls are created in the
// emulator (its own process), then their signed `realtime.call.incoming` webhooks are posted
// to a router process all at once; a burst ends when every call has its decision. Reports
// calls/s, the p50/p99 time to the router's 2xx (ack) and the p50/p99 decision latency the
// router logged (webhook received -> call action answered). Exits 1 if a call is not routed.
// Not part of the test suite.
//
//   npm run build && node bench/router-burst.ts [--calls 100] [--rounds 3] [--json]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

const { spawn } = require("node:child_process") as typeof import("node:child_process");
const { randomBytes } = require("node:crypto") as typeof import("node:crypto");
const fs = require("node:fs") as typeof import("node:fs");
const os = require("node:os") as typeof import("node:os");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");
const { Agent, request } = require("undici") as typeof import("undici");
const { signWebhook } = require("../dist/client/webhooks") as typeof import("../src/client/webhooks");

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
    options: {
      calls: { type: "string", default: "100" },
      rounds: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
    },
  });
  const calls = values.quick ? 10 : Number(values.calls);
  const rounds = values.quick ? 1 : Number(values.rounds);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "router-burst-"));
  fs.writeFileSync(path.join(dir, "routes.json"), JSON.stringify(ROUTES));
  const decisions = new Map<string, Decision>();
  const emulator = await start(["emulator", "--port", "0", "--api-key", KEY], {}, () => undefined);
  const router = await start(
    ["router", "--routes", path.join(dir, "routes.json"), "--port", "0"],
    { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: emulator.url, OPENAI_WEBHOOK_SECRET: secret },
    (line) => {
      if (!line.startsWith("{")) return;
      const record = JSON.parse(line) as Decision;
      if (record.event === "decision") decisions.set(record.callId, record);
    },
  );
  const admin = emulator.url.replace(/\/v1$/, "/_emulator");
  const agent = new Agent({ connections: calls });
  const acks: number[] = [];
  let sequence = 0;
  const burst = async (): Promise<{ ids: string[]; ms: number; acked: number[] }> => {
    // The calls exist first (no webhook target on the emulator), so the burst is the webhooks alone.
    const events = await Promise.all(
      Array.from({ length: calls }, async (_, i) => {
        const sipHeaders = { To: `sip:+1415555${String(i).padStart(4, "0")}@bench`, From: "sip:+1", ...(i % 10 === 0 ? { "X-Spam": "yes" } : {}) };
        const res = await fetch(`${admin}/calls/incoming`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sip_headers: sipHeaders }) });
        const callId = ((await res.json()) as { call_id: string }).call_id;
        const data = { call_id: callId, sip_headers: Object.entries(sipHeaders).map(([name, value]) => ({ name, value })) };
        sequence += 1;
        return { callId, id: `wh_bench_${sequence}`, body: JSON.stringify({ object: "event", id: `evt_bench_${sequence}`, type: "realtime.call.incoming", created_at: Math.floor(Date.now() / 1000), data }) };
      }),
    );
    const started = performance.now();
    const acked = await Promise.all(
      events.map(async (event) => {
        const sent = performance.now();
        const res = await request(`${router.url}/webhook`, {
          method: "POST",
          dispatcher: agent,
          headers: { ...signWebhook({ id: event.id, body: event.body, secret }), "content-type": "application/json" },
          body: event.body,
        });
        await res.body.dump();
        if (res.statusCode !== 202) throw new Error(`router answered ${res.statusCode}`);
        return performance.now() - sent;
      }),
    );
    const ids = events.map((e) => e.callId);
    const deadline = Date.now() + 60_000;
    while (ids.some((id) => !decisions.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    return { ids, ms: performance.now() - started, acked };
  };
  try {
    await burst(); // warm-up
    const latencies: number[] = [];
    let routed = 0;
    let failed = 0;
    let elapsed = 0;
    for (let round = 0; round < rounds; round++) {
      const { ids, ms, acked } = await burst();
      elapsed += ms;
      acks.push(...acked);
      for (const id of ids) {
        const decision = decisions.get(id);
        if (decision === undefined || decision.outcome !== "ok") failed += 1;
        else routed += 1;
        if (decision !== undefined) latencies.push(decision.latencyMs);
      }
    }
    const sorted = latencies.sort((a, b) => a - b);
    const ackSorted = acks.sort((a, b) => a - b);
    const figures = {
      node: process.version,
      cpus: os.cpus().length,
      calls: calls * rounds,
      routed,
      failed,
      callsPerSecond: Math.round((routed / elapsed) * 1000),
      ackP50Ms: Math.round(percentile(ackSorted, 50) * 10) / 10,
      ackP99Ms: Math.round(percentile(ackSorted, 99) * 10) / 10,
      decisionP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      decisionP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    };
    if (values.json) {
      const columns = ["calls", "failed", "calls/s", "ack p50 ms", "ack p99 ms", "decision p50 ms", "decision p99 ms"];
      const row = [figures.calls, failed, figures.callsPerSecond, figures.ackP50Ms, figures.ackP99Ms, figures.decisionP50Ms, figures.decisionP99Ms];
      const table = { title: `Router: bursts of ${calls} signed webhooks, ${rounds} round(s)`, columns, rows: [row] };
      console.log(JSON.stringify({ bench: "router-burst", tables: [table], figures }));
    }
    else console.table(figures);
    return failed === 0 ? 0 : 1;
  } finally {
    await agent.close();
    router.child.kill("SIGTERM");
    emulator.child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
