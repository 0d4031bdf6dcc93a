// A producer (the root realtime.yaml project) and examples/consumer on one
// file backend: the consumer reads the template's voice and the client
// secret through a StackReference; the token arrives, and stays, secret.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { PulumiWorkspace } from "../../helpers/pulumi";
import { readmeSnippet } from "../../helpers/readme";
import { rootProject } from "../config/project";

const API_KEY = "sk-consumer-test-66b2";

describe("examples/consumer reads the producer through a StackReference", { timeout: 300_000 }, () => {
  let emulator: TestEmulator;
  let producer: PulumiWorkspace;
  let consumer: PulumiWorkspace;
  let readme: PulumiWorkspace;

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    producer = await PulumiWorkspace.create(rootProject(), {
      stack: "dev",
      env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
    });
    // Same backend and passphrase as the producer; its own PULUMI_HOME.
    consumer = await PulumiWorkspace.create("examples/consumer", {
      stack: "app",
      env: { PULUMI_BACKEND_URL: `file://${path.join(producer.stateDir, "backend")}` },
    });
    // The README's StackReference program, as its own project on the same backend.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "por-readme-consumer-"));
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: readme-consumer\nruntime: nodejs\n");
    fs.writeFileSync(path.join(project, "package.json"), '{ "name": "readme-consumer", "private": true, "main": "index.ts" }\n');
    fs.writeFileSync(path.join(project, "index.ts"), readmeSnippet("stack-reference").code);
    readme = await PulumiWorkspace.create(project, {
      stack: "app",
      env: { PULUMI_BACKEND_URL: `file://${path.join(producer.stateDir, "backend")}` },
    });
  });
  afterAll(async () => {
    await readme?.dispose();
    await consumer?.dispose();
    await producer?.dispose();
    await emulator?.close();
  });

  it("gets the voice in plain text and the token as a secret", async () => {
    const up = await producer.up();
    expect(up.code, up.output).toBe(0);
    const token = ((await producer.outputs(true)) as { clientSecrets: { web: { value: string } } }).clientSecrets.web.value;
    expect(token).toMatch(/^ek_/);

    await consumer.setConfig("producerStack", "organization/openai-realtime/dev");
    const consumed = await consumer.up();
    expect(consumed.code, consumed.output).toBe(0);
    expect(consumed.output).not.toContain(token);

    const shown = await consumer.outputs();
    expect(shown).toMatchObject({ voice: "marin", model: "gpt-realtime", token: "[secret]" });
    expect(shown["templateRevision"]).toMatch(/^[0-9a-f]{64}$/);
    const revealed = await consumer.outputs(true);
    expect(revealed["token"]).toBe(token);
    expect((await consumer.exportState()).raw).not.toContain(token);
  });

  it("the README's StackReference program reads the same voice and token", async () => {
    const token = ((await producer.outputs(true)) as { clientSecrets: { web: { value: string } } }).clientSecrets.web.value;
    const up = await readme.up();
    expect(up.code, up.output).toBe(0);
    expect(await readme.outputs()).toEqual({ voice: "marin", token: "[secret]" });
    expect((await readme.outputs(true))["token"]).toBe(token);
  });

  it("names the missing entry when the producer has none by that name", async () => {
    await consumer.setConfig("template", "nosuch");
    const preview = await consumer.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("The producer stack has no templates.nosuch; it has: concierge, desk.");
  });

  // The producer's destroy is the root project test's (the same project).
  it("destroys the consumer while the producer stands", async () => {
    const destroy = await consumer.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code, destroy.output).toBe(0);
    expect((await consumer.exportState()).resources).toEqual([]);
  });
});
