// `pulumi up` of N client secrets, side by side: the engine's floor (a no-op
// dynamic resource), a hand-written provider on the official `openai` SDK,
// and this package. Each run deploys every size and variant on a fresh stack
// against the emulator, interleaved so load changes hit all variants alike;
// figures are medians over runs. Also: state bytes per resource, and a no-op
// `pulumi up` / `pulumi preview` with the API requests each made.
//
//   npm run build && node bench/pulumi-up.ts [--sizes 10,50,200,500] [--runs 3] [--noop-size 200] [--json]
//   node bench/pulumi-up.ts --quick        # tiny sizes, one run: proves the harness works
//   node bench/pulumi-up.ts --smoke        # the least that runs every code path (npm test):
//                                          # N = 1, each variant deployed once, the no-op
//                                          # up/preview and state export on the package only
const { parseArgs } = require("node:util") as typeof import("node:util");
const nodePath = require("node:path") as typeof import("node:path");
const lib = require("./lib.ts");

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,50,200,500" },
    runs: { type: "string", default: "3" },
    "noop-size": { type: "string", default: "200" },
    variants: { type: "string", default: "floor,handwritten,package" },
    quick: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const SIZES = (opts.smoke ? "1" : opts.quick ? "2" : opts.sizes).split(",").map(Number);
const RUNS = opts.quick || opts.smoke ? 1 : Number(opts.runs);
const NOOP_SIZE = opts.smoke ? 1 : opts.quick ? 2 : Number(opts["noop-size"]);
const VARIANTS = opts.variants.split(",");
// The no-op runs and the state export are the same code for every variant;
// --smoke measures them on this package only (3 fewer up/preview/export runs).
const NOOP_VARIANTS = opts.smoke ? VARIANTS.filter((v) => v === "package") : VARIANTS;
const LABEL: Record<string, string> = { floor: "floor", handwritten: "hand-written", package: "this package" };

// The same small realtime session for every variant, inline, so each
// registration carries the same argument bytes.
const SESSION = { type: "realtime", model: "gpt-realtime", instructions: "Benchmark.", audio: { output: { voice: "marin" } } };

function programFor(variant: string): string {
  const file = nodePath.join(lib.ROOT, "bench", "baselines", `${variant}.js`);
  return `require(${JSON.stringify(file)}).declare(Number(process.env.BENCH_COUNT), ${JSON.stringify(SESSION)});\n`;
}

async function requestCount(origin: string): Promise<number> {
  const stats = (await (await fetch(`${origin}/_emulator/stats`)).json()) as { requests: Record<string, number> };
  return Object.values(stats.requests).reduce((a, b) => a + b, 0);
}

interface StateBreakdown {
  resource: number;
  inputs: number;
  outputs: number;
  provider: number;
  session: number;
  checkpoint: number;
}

type Resource = { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };

function breakdown(exported: string, checkpointBytes: number, count: number): StateBreakdown {
  const resources = (JSON.parse(exported).deployment.resources as Resource[]).filter(
    (r) => r.type.startsWith("pulumi-nodejs:dynamic/") && r.type !== "pulumi-nodejs:dynamic:Resource",
  );
  const bytes = (x: unknown): number => (x === undefined ? 0 : Buffer.byteLength(JSON.stringify(x)));
  const without = (o: Record<string, unknown> = {}) => {
    const { __provider: _p, ...rest } = o;
    return rest;
  };
  const avg = (f: (r: Resource) => number) => Math.round(resources.reduce((a, r) => a + f(r), 0) / resources.length);
  return {
    resource: avg((r) => bytes(r)),
    inputs: avg((r) => bytes(without(r.inputs))),
    outputs: avg((r) => bytes(without(r.outputs))),
    provider: avg((r) => bytes(r.inputs?.__provider) + bytes(r.outputs?.__provider)),
    session: avg((r) => bytes(r.outputs?.session)),
    checkpoint: Math.round(checkpointBytes / count),
  };
}

async function main(): Promise<void> {
  const { startEmulator } = require(nodePath.join(lib.ROOT, "dist", "emulator"));
  const emulator = await startEmulator({ port: 0 });
  const origin = new URL(emulator.url).origin;
  const up: Record<string, Record<number, number[]>> = {};
  const upRequests: Record<string, Record<number, number>> = {};
  const noop: Record<string, { up: number[]; upRequests: number; preview: number[]; previewRequests: number }> = {};
  const state: Record<string, StateBreakdown> = {};
  const loadBefore = lib.machine().loadavg;
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const n of SIZES) {
        for (const variant of VARIANTS) {
          const p = lib.project(
            {
              "Pulumi.yaml": "name: bench\nruntime: nodejs\n",
              "package.json": '{"name":"bench","private":true,"main":"index.js"}\n',
              "index.js": programFor(variant),
            },
            { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: "sk-bench", BENCH_COUNT: String(n) },
          );
          try {
            await p.pulumi("stack", "init", "bench");
            const before = await requestCount(origin);
            const t = await p.pulumi("up", "--yes", "--skip-preview");
            ((up[variant] ??= {})[n] ??= []).push(t.seconds);
            (upRequests[variant] ??= {})[n] = (await requestCount(origin)) - before;
            if (n === NOOP_SIZE && NOOP_VARIANTS.includes(variant)) {
              const entry = (noop[variant] ??= { up: [], upRequests: 0, preview: [], previewRequests: 0 });
              const b1 = await requestCount(origin);
              entry.up.push((await p.pulumi("up", "--yes", "--skip-preview")).seconds);
              const b2 = await requestCount(origin);
              entry.preview.push((await p.pulumi("preview", "--expect-no-changes")).seconds);
              entry.upRequests = Math.max(entry.upRequests, b2 - b1);
              entry.previewRequests = Math.max(entry.previewRequests, (await requestCount(origin)) - b2);
              if (!state[variant]) state[variant] = breakdown((await p.pulumi("stack", "export")).stdout, p.checkpointBytes(), n);
            }
            console.error(`run ${run + 1}/${RUNS} N=${n} ${variant}: up ${t.seconds.toFixed(2)} s`);
          } finally {
            p.remove();
          }
        }
      }
    }
  } finally {
    await emulator.close();
  }

  const med = (variant: string, n: number) => lib.median(up[variant]?.[n] ?? [NaN]) as number;
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${lib.round(a / b)}x` : "-");
  // Variants of one run and size ran back to back, so their ratio shares the
  // machine's load at that moment; the median of those ratios is steadier
  // than the ratio of medians when the load drifts between runs.
  const paired = (a: string, b: string, n: number) => {
    const xs = up[a]?.[n] ?? [];
    const ys = up[b]?.[n] ?? [];
    const ratios = xs.map((x, i) => x / (ys[i] ?? NaN)).filter(Number.isFinite);
    return ratios.length > 0 ? `${lib.round(lib.median(ratios) as number)}x` : "-";
  };
  const tables = [
    {
      title: `pulumi up of N ClientSecrets, fresh stack (median of ${RUNS} runs, seconds)`,
      columns: [
        "N",
        ...VARIANTS.map((v) => LABEL[v] ?? v),
        "package / floor",
        "package / hand-written",
        "package / floor, paired",
        "package / hand-written, paired",
      ],
      rows: SIZES.map((n) => [
        n,
        ...VARIANTS.map((v) => lib.round(med(v, n))),
        ratio(med("package", n), med("floor", n)),
        ratio(med("package", n), med("handwritten", n)),
        paired("package", "floor", n),
        paired("package", "handwritten", n),
      ]),
      note: "package / floor is the ratio of the medians; paired is the median over runs of each run's ratio (the variants of a run ran back to back).",
    },
    {
      title: "Marginal cost: ms per added resource between sizes (growth with N), and ms per resource at each N",
      columns: ["N", ...VARIANTS.flatMap((v) => [`${LABEL[v] ?? v} marginal`, `${LABEL[v] ?? v} per resource`])],
      rows: SIZES.map((n, i) => [
        i === 0 ? `${n}` : `${SIZES[i - 1]}->${n}`,
        ...VARIANTS.flatMap((v) => {
          const prev = i === 0 ? undefined : (SIZES[i - 1] as number);
          const marginal = prev === undefined ? "-" : lib.round(((med(v, n) - med(v, prev)) / (n - prev)) * 1000, 1);
          return [marginal, lib.round((med(v, n) / n) * 1000, 1)];
        }),
      ]),
    },
    {
      title: `State bytes per resource at N = ${NOOP_SIZE} (pulumi stack export; provider = __provider in inputs + outputs)`,
      columns: ["variant", "per resource", "inputs", "outputs", "serialized provider", "effective session", "checkpoint file / N"],
      rows: VARIANTS.filter((v) => state[v]).map((v) => {
        const s = state[v] as StateBreakdown;
        return [LABEL[v] ?? v, s.resource, s.inputs, s.outputs, s.provider, s.session, s.checkpoint];
      }),
      note: "inputs and outputs exclude __provider; the effective session is part of outputs.",
    },
    {
      title: `No-op pulumi up / preview on N = ${NOOP_SIZE} (median seconds, API requests)`,
      columns: ["variant", "no-op up", "requests", "vs floor", "no-op preview", "requests", "vs floor"],
      rows: VARIANTS.filter((v) => noop[v]).map((v) => {
        const e = noop[v] as (typeof noop)[string];
        const f = noop.floor;
        return [
          LABEL[v] ?? v,
          lib.round(lib.median(e.up)),
          e.upRequests,
          f ? ratio(lib.median(e.up), lib.median(f.up)) : "-",
          lib.round(lib.median(e.preview)),
          e.previewRequests,
          f ? ratio(lib.median(e.preview), lib.median(f.preview)) : "-",
        ];
      }),
    },
  ];
  lib.report("pulumi-up", opts.json, {
    tables,
    figures: { sizes: SIZES, runs: RUNS, noopSize: NOOP_SIZE, up, upRequests, noop, state, loadBefore },
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
