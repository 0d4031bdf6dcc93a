// The real engine end to end: language host, dynamic provider host and a
// file backend, on the smallest program with a dynamic resource.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiWorkspace } from "../../helpers/pulumi";

const TYPE = "pulumi-nodejs:dynamic/openai-realtime:Greeting";

describe("pulumi CLI on a file backend", { timeout: 180_000 }, () => {
  let ws: PulumiWorkspace;
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

  it("runs up, preview --expect-no-changes, refresh and destroy", async () => {
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain(`+  ${TYPE} hello created`);

    const { resources } = await ws.exportState();
    const res = resources.find((r) => r.type === TYPE);
    expect(res?.urn).toBe(`urn:pulumi:test::dynamic-smoke::${TYPE}::hello`);
    expect(res?.id).toBe("greeting-world");
    expect(res?.outputs?.message).toBe("hello world");
    expect(typeof res?.outputs?.__provider).toBe("string");
    expect(await ws.outputs()).toEqual({ message: "hello world" });

    const preview = await ws.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);

    await ws.setConfig("who", "pulumi");
    const changed = await ws.preview(["--expect-no-changes"]);
    expect(changed.code).not.toBe(0);
    expect(changed.output).toContain("+-");

    const refresh = await ws.run(["refresh", "--yes"]);
    expect(refresh.code, refresh.output).toBe(0);

    const destroy = await ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
    const after = await ws.exportState();
    expect(after.resources).toEqual([]);
  });
});
