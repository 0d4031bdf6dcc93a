// Client benchmark: this package's `RealtimeClient` against the official `openai` SDK, side by
// side on the same emulator (built CLI, its own process). Reports, as medians over `--rounds`:
//   - cold import time of `pulumi-openai-realtime/client` and of `openai` (a fresh process each);
//   - requests/s and p50/p99 latency of `POST /realtime/client_secrets` at concurrency 1, 16, 64,
//     each client in its own fresh process, the two alternating round by round.
// `--json` prints one JSON line of the figures instead of the table; `--quick` uses tiny sizes.
// Not part of the test suite.
//
//   npm run build && node bench/client.ts [--rounds 5] [--quick] [--json]
//   node bench/client.ts --smoke     # npm test: one import each, one concurrency level
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone.
import type { ChildProcessWithoutNullStreams } from "node:child_process";

const { execFileSync, spawn } = require("node:child_process") as typeof import("node:child_process");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");

const ROOT = path.resolve(__dirname, "..");
const KEY = "sk-bench-client";
const BODY = {
  expires_after: { anchor: "created_at" as const, seconds: 600 },
  session: { type: "realtime" as const, model: "gpt-realtime", instructions: "You are a friendly assistant." },
};
const CONCURRENCY = [1, 16, 64] as const;
type Which = "ours" | "sdk";

interface Throughput {
  rps: number;
  p50: number;
  p99: number;
  /** Client-process CPU per request in µs: steadier than wall time on a shared machine. */
  cpuUs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// ---- worker: one client, one concurrency, in a fresh process ------------------------------------

async function worker(which: Which, url: string, concurrency: number, requests: number): Promise<void> {
  let create: () => Promise<unknown>;
  if (which === "ours") {
    const { RealtimeClient } = require(path.join(ROOT, "dist", "client", "index.js")) as typeof import("../src/client");
    const client = new RealtimeClient({ apiKey: KEY, baseURL: url });
    create = () => client.clientSecrets.create(BODY);
  } else {
    const OpenAI = (require("openai") as { default: typeof import("openai").default }).default;
    const client = new OpenAI({ apiKey: KEY, baseURL: url });
    create = () => client.realtime.clientSecrets.create(BODY);
  }
  const run = async (total: number): Promise<number[]> => {
    const samples: number[] = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        await create();
        samples.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return samples;
  };
  await run(Math.max(50, concurrency * 4)); // warm-up: connections, JIT, lazily loaded modules
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const samples = await run(requests);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  const out: Throughput = {
    rps: requests / seconds,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    cpuUs: (cpu.user + cpu.system) / requests,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

// ---- orchestration ------------------------------------------------------------------------------

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

/** ms to `require` the module in a fresh process (Node's own start-up excluded). */
function importMs(target: string): number {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8" }));
}

function measure(which: Which, url: string, concurrency: number, requests: number): Throughput {
  const out = execFileSync(
    process.execPath,
    [__filename, "--worker", which, "--url", url, "--concurrency", String(concurrency), "--requests", String(requests)],
    { cwd: ROOT, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as Throughput;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      worker: { type: "string" },
      url: { type: "string" },
      concurrency: { type: "string" },
      requests: { type: "string" },
      rounds: { type: "string" },
      quick: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  if (values.worker !== undefined) {
    await worker(values.worker as Which, values.url!, Number(values.concurrency), Number(values.requests));
    return;
  }
  const quick = values.quick || values.smoke;
  const rounds = Number(values.rounds ?? (quick ? 1 : 5));
  // The import timing takes at least 3 samples, except in --smoke.
  const importRounds = values.smoke ? 1 : Math.max(rounds, 3);
  const levels: readonly number[] = values.smoke ? CONCURRENCY.slice(1, 2) : CONCURRENCY;
  const requestsAt = (c: number): number => (quick ? 20 * Math.max(1, Math.ceil(c / 8)) : c === 1 ? 500 : 2_000);
  const log = (line: string): void => {
    if (!values.json) process.stdout.write(line + "\n");
  };

  const imports: Record<Which, number[]> = { ours: [], sdk: [] };
  for (let r = 0; r < importRounds; r++) {
    imports.ours.push(importMs(path.join(ROOT, "dist", "client", "index.js")));
    imports.sdk.push(importMs("openai"));
  }

  const { child, url } = await startEmulator();
  const samples: Record<string, Throughput[]> = {};
  try {
    for (const c of levels) {
      for (let r = 0; r < rounds; r++) {
        for (const which of r % 2 === 0 ? (["ours", "sdk"] as const) : (["sdk", "ours"] as const)) {
          (samples[`${which}@${c}`] ??= []).push(measure(which, url, c, requestsAt(c)));
        }
      }
    }
  } finally {
    child.kill("SIGTERM");
  }

  const pick = (which: Which, c: number): Throughput => {
    const runs = samples[`${which}@${c}`]!;
    return {
      rps: median(runs.map((s) => s.rps)),
      p50: median(runs.map((s) => s.p50)),
      p99: median(runs.map((s) => s.p99)),
      cpuUs: median(runs.map((s) => s.cpuUs)),
    };
  };
  const figures = {
    bench: "client",
    node: process.version,
    rounds,
    importMs: { ours: median(imports.ours), sdk: median(imports.sdk), ratio: median(imports.ours) / median(imports.sdk) },
    throughput: levels.map((c) => {
      const ours = pick("ours", c);
      const sdk = pick("sdk", c);
      return { concurrency: c, ours, sdk, rpsRatio: ours.rps / sdk.rps };
    }),
  };
  if (values.json) {
    process.stdout.write(JSON.stringify(figures) + "\n");
    return;
  }
  const f = (n: number, digits = 1): string => n.toFixed(digits);
  log(`client benchmark, node ${process.version}, medians of ${rounds} round(s)`);
  log("");
  log("| cold import | ms |");
  log("| --- | --- |");
  log(`| pulumi-openai-realtime/client | ${f(figures.importMs.ours)} |`);
  log(`| openai | ${f(figures.importMs.sdk)} |`);
  log(`| ratio (ours / SDK) | ${f(figures.importMs.ratio, 2)} |`);
  log("");
  log("| concurrency | ours req/s | SDK req/s | ratio | ours p50 / p99 ms | SDK p50 / p99 ms | ours / SDK CPU µs per request |");
  log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const t of figures.throughput) {
    log(
      `| ${t.concurrency} | ${f(t.ours.rps, 0)} | ${f(t.sdk.rps, 0)} | ${f(t.rpsRatio, 2)} | ` +
        `${f(t.ours.p50, 2)} / ${f(t.ours.p99, 2)} | ${f(t.sdk.p50, 2)} / ${f(t.sdk.p99, 2)} | ` +
        `${f(t.ours.cpuUs, 0)} / ${f(t.sdk.cpuUs, 0)} |`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
