// Load benchmark for the emulator: fires `--concurrency` (default 500) client-secret requests at
// once, `--rounds` times (after one warm-up round), against the built CLI in its own process so
// the load generator does not share the server's event loop. Reports requests/s and latency
// percentiles; exits 1 if any request fails. Not part of the test suite.
//
//   npm run build && node bench/emulator-load.ts [--concurrency 500] [--rounds 5] [--json] [--quick]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

const { spawn } = require("node:child_process") as typeof import("node:child_process");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");
const { Agent, request } = require("undici") as typeof import("undici");

const ROOT = path.resolve(__dirname, "..");
const KEY = "sk-bench";
const BODY = JSON.stringify({
  expires_after: { anchor: "created_at", seconds: 600 },
  session: { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly assistant." },
});

interface Sample {
  ms: number;
  status: number | null;
}

function startEmulator(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "emulator", "--port", "0", "--api-key", KEY]);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /listening on (\S+)/.exec(out);
      if (match !== null) resolve({ child, url: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}; run 'npm run build' first`)));
  });
}

async function one(agent: InstanceType<typeof Agent>, url: string): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await request(`${url}/realtime/client_secrets`, {
      method: "POST",
      dispatcher: agent,
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: BODY,
    });
    const json = (await res.body.json()) as { value?: string };
    const ok = res.statusCode === 200 && typeof json.value === "string" && json.value.startsWith("ek_");
    return { ms: performance.now() - started, status: ok ? res.statusCode : -res.statusCode };
  } catch {
    return { ms: performance.now() - started, status: null };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string", default: "500" },
      rounds: { type: "string", default: "5" },
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
    },
  });
  const concurrency = values.quick ? 20 : Number(values.concurrency);
  const rounds = values.quick ? 1 : Number(values.rounds);
  const { child, url } = await startEmulator();
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => one(agent, url)));
    const samples: Sample[] = [];
    let elapsed = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      samples.push(...(await Promise.all(Array.from({ length: concurrency }, () => one(agent, url)))));
      elapsed += performance.now() - started;
    }
    const failed = samples.filter((s) => s.status !== 200).length;
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const summary = {
      node: process.version,
      concurrency,
      rounds,
      requests: samples.length,
      failed,
      requestsPerSecond: Math.round(samples.length / (elapsed / 1000)),
      p50Ms: Number(percentile(sorted, 50).toFixed(1)),
      p99Ms: Number(percentile(sorted, 99).toFixed(1)),
      maxMs: Number(sorted[sorted.length - 1]!.toFixed(1)),
    };
    if (!values.json) console.log(JSON.stringify(summary, null, 2));
    else {
      const columns = ["concurrency", "requests", "failed", "requests/s", "p50 ms", "p99 ms", "max ms"];
      const row = [concurrency, summary.requests, failed, summary.requestsPerSecond, summary.p50Ms, summary.p99Ms, summary.maxMs];
      const table = { title: "Emulator: concurrent POST /v1/realtime/client_secrets", columns, rows: [row] };
      console.log(JSON.stringify({ bench: "emulator-load", tables: [table], figures: summary }));
    }
    return failed === 0 ? 0 : 1;
  } finally {
    await agent.close();
    child.kill("SIGTERM");
  }
}

void main().then((code) => {
  process.exitCode = code;
});
