// The resource lifecycle through the real `pulumi` CLI against the live API:
// preview, up, a no-op second preview, refresh and destroy. The legacy
// session kinds are left out: their endpoints are retired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiWorkspace } from "../helpers/pulumi";
import { LIVE } from "./live-env";

const PROGRAM = `
import { ClientSecret, SessionTemplate, TranslationClientSecret } from "pulumi-openai-realtime";
const concierge = new SessionTemplate("concierge", {
  session: { type: "realtime", model: "gpt-realtime", instructions: "You are a friendly concierge.", audio: { output: { voice: "marin" } } },
});
const web = new ClientSecret("web", { session: concierge.session, expiresAfterSeconds: 60 });
const spanish = new TranslationClientSecret("spanish", {
  session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
  expiresAfterSeconds: 60,
});
export const model = concierge.model;
export const webSecret = { value: web.value, expiresAt: web.expiresAt };
export const spanishSecret = spanish.value;
`;

describe.skipIf(!LIVE)("resource lifecycle against the live API", { timeout: 300_000 }, () => {
  let ws: PulumiWorkspace;
  beforeAll(async () => {
    ws = await PulumiWorkspace.create("test/fixtures/resources", { stack: "live" });
    ws.write("index.ts", PROGRAM);
  });
  afterAll(async () => {
    await ws?.run(["destroy", "--yes"]);
    await ws?.dispose();
  });

  it("previews, mints, plans nothing more, refreshes and destroys", async () => {
    expect((await ws.preview()).code).toBe(0);
    const up = await ws.up();
    expect(up.code, up.output).toBe(0);
    const out = await ws.outputs(true);
    expect(out.model).toBe("gpt-realtime");
    expect((out.webSecret as { value: string }).value).toMatch(/^ek_/);
    expect(out.spanishSecret).toMatch(/^ek_/);
    expect((await ws.preview(["--expect-no-changes"])).code).toBe(0);
    expect((await ws.run(["refresh", "--yes"])).code).toBe(0);
    const destroy = await ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
    expect((await ws.exportState()).resources).toEqual([]);
  });
});
