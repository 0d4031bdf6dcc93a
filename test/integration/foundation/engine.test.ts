// The real engine end to end: language host, dynamic provider host and a
// file backend, on the smallest program with a dynamic resource; and policy
// packs, which start through the repo's language host (RunPlugin) and judge
// resources at preview. One stack for both: the no-changes preview runs with
// the policy pack. (Refresh and destroy under the same engine and provider
// host are the lifecycle test's, on the package's own resources.)
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import type { CommandResult } from "../../helpers/pulumi";
import { PulumiWorkspace } from "../../helpers/pulumi";

const TYPE = "pulumi-nodejs:dynamic/openai-realtime:Greeting";
const PACK = path.join(repoRoot, "test/fixtures/policy-smoke");

describe("pulumi CLI on a file backend", { timeout: 180_000 }, () => {
  let ws: PulumiWorkspace;
  // The preview --expect-no-changes of a deployed compliant program, with the policy pack.
  let compliant: CommandResult;
  beforeAll(async () => {
    ws = await PulumiWorkspace.create("test/fixtures/dynamic-smoke");
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it("reports a recent CLI built with a parseable version", async () => {
    const res = await ws.run(["version"], { check: true });
    expect(res.stdout.trim()).toMatch(/^v3\.\d+\.\d+$/);
  });

  it("runs up and preview --expect-no-changes, which fails on a change", async () => {
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain(`+  ${TYPE} hello created`);

    const { resources } = await ws.exportState();
    const res = resources.find((r) => r.type === TYPE);
    expect(res?.urn).toBe(`urn:pulumi:test::dynamic-smoke::${TYPE}::hello`);
    expect(res?.id).toBe("greeting-world");
    expect(res?.outputs?.message).toBe("hello world");
    expect(typeof res?.outputs?.__provider).toBe("string");
    expect(await ws.outputs()).toEqual({ message: "hello world", detail: { to: "world", code: "[secret]" } });

    // The harness reads export and outputs from the stored state (decrypting
    // secrets for --show-secrets), and writes plain config itself (below):
    // each matches what the CLI prints and reads.
    const exported = JSON.parse((await ws.run(["stack", "export"], { check: true })).stdout) as { deployment: unknown };
    expect(JSON.parse((await ws.exportState()).raw)).toEqual(exported);
    expect(await ws.outputs()).toEqual(JSON.parse((await ws.run(["stack", "output", "--json"], { check: true })).stdout));
    const revealed = await ws.outputs(true);
    expect(revealed).toEqual({ message: "hello world", detail: { to: "world", code: "not-shown" } });
    expect(revealed).toEqual(JSON.parse((await ws.run(["stack", "output", "--json", "--show-secrets"], { check: true })).stdout));
    const exportedWithSecrets = JSON.parse((await ws.run(["stack", "export", "--show-secrets"], { check: true })).stdout) as { deployment: unknown };
    expect(JSON.stringify(exportedWithSecrets)).toContain("not-shown");
    expect(JSON.parse((await ws.exportState(true)).raw)).toEqual(exportedWithSecrets);

    // The same preview records every Node process the engine starts (through a
    // `node` first on PATH): the program, the policy pack and the dynamic
    // provider host each start once, from the project's own @pulumi/pulumi,
    // found without an extra Node process to resolve it.
    const starts = path.join(ws.dir, "node-starts.log");
    const wrapper = path.join(ws.dir, ".node-wrapper");
    fs.mkdirSync(wrapper);
    fs.writeFileSync(path.join(wrapper, "node"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${starts}"\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    compliant = await ws.preview(["--expect-no-changes", "--policy-pack", PACK], { PATH: `${wrapper}${path.delimiter}${ws.env().PATH}` });
    expect(compliant.code, compliant.output).toBe(0);
    const started = fs.readFileSync(starts, "utf8").trimEnd().split("\n");
    expect(started.filter((line) => line.startsWith("-e "))).toEqual([]);
    const sdk = /node_modules\/@pulumi\/pulumi\/cmd\/(run|run-plugin|dynamic-provider)\/index\.js /;
    expect(started.map((line) => sdk.exec(line)?.[1] ?? line).filter((what) => what !== "--version").sort()).toEqual(["dynamic-provider", "run", "run-plugin"]);

    // --expect-no-changes fails when there are changes (the tests that use it rely on that).
    await ws.setConfig("who", "config file");
    await ws.setConfig("openai-realtime:note", "60");
    const config = JSON.parse((await ws.run(["config", "--json"], { check: true })).stdout) as Record<string, { value: string }>;
    expect(config["dynamic-smoke:who"]?.value).toBe("config file");
    expect(config["openai-realtime:note"]?.value).toBe("60");
    const changed = await ws.preview(["--expect-no-changes"]);
    expect(changed.code).not.toBe(0);
    expect(changed.output).toContain("+-");
  });

  describe("pulumi preview --policy-pack", () => {
    it("passes a compliant program", () => {
      expect(compliant?.code, compliant?.output).toBe(0);
      expect(compliant.output).toMatch(/Policy Packs run:\n\s+Name\s+Version\n\s+policy-smoke\|local\|\S+\s+0\.0\.1/);
    });

    it("fails a violation with the policy's message", async () => {
      await ws.setConfig("who", "blocked");
      const preview = await ws.preview(["--policy-pack", PACK]);
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain("[mandatory]  disallow-blocked-greeting");
      expect(preview.output).toContain("Greetings may not be addressed to 'blocked'.");
    });
  });
});
