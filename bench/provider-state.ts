// Size of the serialized provider each resource carries in state, and the
// wall time of `pulumi preview` / `pulumi up` for a stack of many resources,
// with the real CLI against the emulator. Not part of the test suite.
//
//   npm run build && node bench/provider-state.ts [--resources 50] [--runs 3]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with
// type stripping alone.
const { execFile } = require("node:child_process") as typeof import("node:child_process");
const { promisify } = require("node:util") as typeof import("node:util");
const fs = require("node:fs") as typeof import("node:fs");
const os = require("node:os") as typeof import("node:os");
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");

const ROOT = path.resolve(__dirname, "..");
const local = require(path.join(ROOT, "scripts", "local-pulumi.js"));
const { startEmulator } = require(path.join(ROOT, "dist", "emulator"));

const { values } = parseArgs({
  options: { resources: { type: "string", default: "50" }, runs: { type: "string", default: "3" } },
});
const COUNT = Number(values.resources);
const RUNS = Number(values.runs);

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";
const count = new pulumi.Config().requireNumber("count");
const template = new SessionTemplate("template", {
  session: { type: "realtime", model: "gpt-realtime", instructions: "Benchmark." },
});
for (let i = 0; i < count - 1; i++) new ClientSecret("secret-" + i, { session: template.session });
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-bench-"));
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: bench\nruntime: nodejs\n");
  fs.writeFileSync(path.join(project, "package.json"), '{"name":"bench","private":true,"main":"index.ts"}\n');
  fs.writeFileSync(path.join(project, "index.ts"), PROGRAM);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  const env = local.pulumiEnv(path.join(dir, "state"), {
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: "sk-bench",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  });
  // Asynchronous on purpose: the emulator answers from this process's event loop.
  const exec = promisify(execFile);
  const pulumi = async (...args: string[]): Promise<number> => {
    const started = performance.now();
    await exec("pulumi", [...args, "--non-interactive"], { cwd: project, env, maxBuffer: 64 << 20 });
    return (performance.now() - started) / 1000;
  };
  try {
    await pulumi("stack", "init", "bench");
    await pulumi("config", "set", "count", String(COUNT));
    const freshPreview: number[] = [];
    for (let i = 0; i < RUNS; i++) freshPreview.push(await pulumi("preview"));
    const up = await pulumi("up", "--yes", "--skip-preview");
    const noChangePreview: number[] = [];
    for (let i = 0; i < RUNS; i++) noChangePreview.push(await pulumi("preview", "--expect-no-changes"));

    const exported = await exec("pulumi", ["stack", "export"], { cwd: project, env, maxBuffer: 64 << 20 });
    const state = JSON.parse(exported.stdout);
    const ours = (state.deployment.resources as Array<{ type: string; inputs?: Record<string, unknown> }>).filter((r) =>
      r.type.startsWith("pulumi-nodejs:dynamic/openai-realtime:"),
    );
    const providerBytes = ours.map((r) => Buffer.byteLength(String(r.inputs?.__provider ?? "")));
    const stateBytes = Buffer.byteLength(JSON.stringify(state));
    console.log(`resources: ${ours.length} (1 SessionTemplate, ${ours.length - 1} ClientSecret), runs: ${RUNS}`);
    console.log(`__provider bytes per resource: ${Math.min(...providerBytes)}..${Math.max(...providerBytes)} (kept in inputs and outputs)`);
    console.log(`state export: ${stateBytes} bytes, ${Math.round(stateBytes / ours.length)} bytes per resource`);
    console.log(`pulumi preview, fresh stack: median ${median(freshPreview).toFixed(2)} s (${freshPreview.map((t) => t.toFixed(2)).join(", ")})`);
    console.log(`pulumi up: ${up.toFixed(2)} s`);
    console.log(`pulumi preview, no changes: median ${median(noChangePreview).toFixed(2)} s (${noChangePreview.map((t) => t.toFixed(2)).join(", ")})`);
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
