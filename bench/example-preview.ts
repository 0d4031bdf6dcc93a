// `pulumi preview` of the example stack (examples/client-secret, TypeScript)
// on a fresh stack, TypeScript start-up included, with each way Pulumi can
// run a TypeScript program:
//
// - ts-node with type checking (Pulumi's default for `index.ts`);
// - ts-node transpile-only (`PULUMI_NODEJS_TRANSPILE_ONLY=true`);
// - Node 24's own type stripping (`runtime.options.typescript: false` in
//   Pulumi.yaml; Node loads `index.ts` itself, no compiler at all).
//
//   npm run build && node bench/example-preview.ts [--runs 5] [--json] [--quick]
const { parseArgs } = require("node:util") as typeof import("node:util");
const fsx = require("node:fs") as typeof import("node:fs");
const pathx = require("node:path") as typeof import("node:path");
const lib = require("./lib.ts");

const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "5" }, quick: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
});
const RUNS = opts.quick ? 1 : Number(opts.runs);
const EXAMPLE = pathx.join(lib.ROOT, "examples", "client-secret");

const MODES = [
  { name: "ts-node, type-checking (Pulumi default)", yaml: "runtime: nodejs", env: {} },
  { name: "ts-node, transpile-only", yaml: "runtime: nodejs", env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } },
  {
    name: "Node 24 type stripping",
    yaml: "runtime:\n  name: nodejs\n  options:\n    typescript: false",
    env: {},
  },
];

async function main(): Promise<void> {
  const { startEmulator } = require(pathx.join(lib.ROOT, "dist", "emulator"));
  const emulator = await startEmulator({ port: 0 });
  const times: Record<string, number[]> = {};
  try {
    for (let run = 0; run < RUNS; run++) {
      // --quick proves the harness with the cheapest mode only.
      for (const mode of opts.quick ? MODES.slice(2) : MODES) {
        const p = lib.project(
          {
            "Pulumi.yaml": `name: realtime-client-secret\n${mode.yaml}\n`,
            "package.json": fsx.readFileSync(pathx.join(EXAMPLE, "package.json"), "utf8"),
            "index.ts": fsx.readFileSync(pathx.join(EXAMPLE, "index.ts"), "utf8"),
          },
          { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: "sk-bench", ...mode.env },
        );
        try {
          await p.pulumi("stack", "init", "bench");
          const t = await p.pulumi("preview");
          (times[mode.name] ??= []).push(t.seconds);
          console.error(`run ${run + 1}/${RUNS} ${mode.name}: preview ${t.seconds.toFixed(2)} s`);
        } finally {
          p.remove();
        }
      }
    }
  } finally {
    await emulator.close();
  }
  const base = lib.median(times[MODES[0]!.name] ?? [NaN]);
  const ran = MODES.filter((m) => times[m.name]);
  lib.report("example-preview", opts.json, {
    tables: [
      {
        title: `pulumi preview of examples/client-secret, fresh stack, TypeScript start-up included (median of ${RUNS} runs)`,
        columns: ["how the program runs", "seconds", "vs Pulumi default"],
        rows: ran.map((m) => {
          const s = lib.median(times[m.name] ?? [NaN]);
          return [m.name, lib.round(s), Number.isFinite(base) ? `${lib.round(s / base)}x` : "-"];
        }),
      },
    ],
    figures: { runs: RUNS, times },
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
