// The script the engine starts for dynamic providers (plugin `pulumi-nodejs`,
// written by `npm run setup`): it runs the provider host of the program's own
// @pulumi/pulumi. With node_modules beside the program (the usual layout) it
// starts one Node process; elsewhere (hoisted node_modules) Node's resolution
// finds the package first. A fake `node` on PATH records each start.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROVIDER_HOST_SCRIPT } from "../../../scripts/setup.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-provider-host-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bin = path.join(dir, "bin");
const log = path.join(dir, "node-starts.log");
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, "pulumi-resource-pulumi-nodejs"), PROVIDER_HOST_SCRIPT, { mode: 0o755 });
// Logs its arguments; answers a `-e` resolution as Node would, from HOISTED.
fs.writeFileSync(
  path.join(bin, "node"),
  `#!/bin/sh\necho "$*" >> "${log}"\nif [ "$1" = "-e" ]; then echo "$HOISTED/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js"; fi\n`,
  { mode: 0o755 },
);

function start(cwd: string, hoisted = ""): string[] {
  fs.rmSync(log, { force: true });
  const result = spawnSync(path.join(bin, "pulumi-resource-pulumi-nodejs"), ["127.0.0.1:4000"], {
    cwd,
    encoding: "utf8",
    env: { PATH: `${bin}:/usr/bin:/bin`, HOISTED: hoisted },
  });
  expect(result.status).toBe(0);
  return fs.readFileSync(log, "utf8").trimEnd().split("\n");
}

describe("the dynamic provider host script", () => {
  it("starts the program's own provider host in one Node process when node_modules is beside it", () => {
    const program = path.join(dir, "program");
    const host = path.join(program, "node_modules/@pulumi/pulumi/cmd/dynamic-provider");
    fs.mkdirSync(host, { recursive: true });
    fs.writeFileSync(path.join(host, "index.js"), "");
    expect(start(program)).toEqual(["./node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js 127.0.0.1:4000"]);
  });

  it("finds a hoisted @pulumi/pulumi through Node's resolution", () => {
    const workspace = path.join(dir, "workspace");
    const program = path.join(workspace, "packages", "infra");
    fs.mkdirSync(program, { recursive: true });
    const starts = start(program, workspace);
    expect(starts).toHaveLength(2);
    expect(starts[0]).toMatch(/^-e .*require\.resolve\('@pulumi\/pulumi\/cmd\/dynamic-provider'\)/);
    expect(starts[1]).toBe(`${workspace}/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js 127.0.0.1:4000`);
  });
});
