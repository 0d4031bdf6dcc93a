// The lifecycle of every resource kind under the real engine, against the
// emulator: preview makes no request, up mints, a second up and preview are
// no-ops, an edit replaces what depends on it, refresh and destroy make no
// request. Secrets never reach state or output in plaintext.
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-lifecycle-test-key-4b1d9e";
const TOKEN = "pulumi-nodejs:dynamic/openai-realtime";

describe("resources lifecycle", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);

  it("previews a fresh stack without any API request", async () => {
    const preview = await stack.ws.preview();
    expect(preview.code, preview.output).toBe(0);
    for (const kind of ["SessionTemplate", "ClientSecret", "RealtimeSession", "TranscriptionSession", "TranslationClientSecret"]) {
      expect(preview.output).toContain(`+ ${TOKEN}:${kind}`);
    }
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("creates all five kinds with one request each and the designed outputs", async () => {
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toMatch(/ek_[A-Za-z0-9]/);
    expect(up.output).not.toContain(API_KEY);
    expect((await stack.emulator.stats()).requests).toEqual({
      "POST /v1/realtime/client_secrets": 2,
      "POST /v1/realtime/sessions": 1,
      "POST /v1/realtime/transcription_sessions": 1,
      "POST /v1/realtime/translations/client_secrets": 1,
    });

    const out = await stack.ws.outputs(true);
    const template = out.template as { session: Record<string, unknown>; model: string; revision: string };
    expect(template.model).toBe("gpt-realtime");
    expect(template.revision).toMatch(/^[0-9a-f]{64}$/);
    expect(template.session).toMatchObject({
      type: "realtime",
      model: "gpt-realtime",
      instructions: "You are a friendly concierge.",
      audio: { output: { voice: "marin" } },
    });
    for (const key of ["id", "object", "expires_at", "client_secret"]) expect(template.session).not.toHaveProperty(key);

    const web = out.webSecret as { value: string; expiresAt: number; sessionId: string };
    expect(web.value).toMatch(/^ek_[A-Za-z0-9]{32}$/);
    expect(web.sessionId).toMatch(/^sess_/);
    expect(web.expiresAt - Date.now() / 1000).toBeGreaterThan(500);

    const legacy = out.legacySession as { clientSecret: string; expiresAt: number; sessionId: string };
    expect(legacy.clientSecret).toMatch(/^ek_/);
    expect(legacy.expiresAt - Date.now() / 1000).toBeLessThanOrEqual(60);
    expect((out.captionsSession as { clientSecret: string }).clientSecret).toMatch(/^ek_/);
    expect((out.spanishSecret as { value: string }).value).toMatch(/^ek_/);
  });

  it("keeps every token and the API key out of state and output", async () => {
    const plain = await stack.ws.outputs(false);
    expect(JSON.stringify(plain)).not.toMatch(/ek_/);
    expect((plain.webSecret as { value: string }).value).toBe("[secret]");

    const { raw, resources } = await stack.ws.exportState();
    expect(raw).not.toMatch(/ek_[A-Za-z0-9]/);
    expect(raw).not.toContain(API_KEY);
    const secret = resources.find((r) => r.type === `${TOKEN}:ClientSecret`);
    expect(secret?.outputs?.value).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    // The template holds the effective session; a token's state carries only what diff and apps need.
    expect(Object.keys(secret?.outputs ?? {}).sort()).toEqual(
      ["__provider", "expired", "expiresAfterSeconds", "expiresAt", "revision", "rotateBeforeSeconds", "sessionId", "stateVersion", "value"],
    );

    const revealed = await stack.ws.exportState(true);
    expect(revealed.raw).toMatch(/ek_[A-Za-z0-9]{32}/);
  });

  it("plans and applies nothing on a second run, without API requests", async () => {
    await stack.emulator.reset();
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toMatch(/created|replaced|updated/);
    const preview = await stack.ws.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("replaces the template and the secret built from it when instructions change", async () => {
    const before = await stack.ws.outputs(true);
    await stack.ws.setConfig("instructions", "You are a terse concierge.");
    await stack.emulator.reset();
    const preview = await stack.ws.preview();
    expect(preview.output).toContain(`+-${TOKEN}:SessionTemplate: (replace)`);
    expect(preview.output).toContain(`+-${TOKEN}:ClientSecret: (replace)`);
    expect(preview.output).not.toContain(`+-${TOKEN}:TranslationClientSecret: (replace)`);
    expect(await stack.emulator.apiRequests()).toBe(0);

    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toMatch(/SessionTemplate concierge replaced/);
    expect(up.output).toMatch(/ClientSecret web replaced/);
    // Ten-minute secrets stay; the one-minute legacy keys may have expired by now.
    expect(up.output).not.toMatch(/TranslationClientSecret spanish replaced/);
    const after = await stack.ws.outputs(true);
    expect((after.template as { session: { instructions: string } }).session.instructions).toBe("You are a terse concierge.");
    expect((after.webSecret as { value: string }).value).not.toBe((before.webSecret as { value: string }).value);
    expect(after.appFingerprint).not.toBe(before.appFingerprint);
  });

  it("refreshes and destroys without API requests, leaving an empty stack", async () => {
    await stack.emulator.reset();
    const refresh = await stack.ws.run(["refresh", "--yes"]);
    expect(refresh.code, refresh.output).toBe(0);
    const { raw } = await stack.ws.exportState();
    expect(raw).not.toMatch(/ek_[A-Za-z0-9]/);

    const destroy = await stack.ws.run(["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
    expect(await stack.emulator.apiRequests()).toBe(0);
    expect((await stack.ws.exportState()).resources).toEqual([]);
  });
});
