// The lifecycle of every resource kind under the real engine, against the
// emulator, on a fixed clock: preview makes no request, up mints, a second
// up plans and applies nothing, an edit replaces what depends on it and the
// preview shows that edit (not server defaults), a steering argument updates
// in place, refresh and destroy make no request. Secrets never reach state or
// output in plaintext.
//
// The program is the fixture's (every kind, a client secret `web` of the
// template, a dependent `app`) plus a second client secret, `steady`, of its
// own session, so that one edit replaces what depends on the template while
// `steady` updates in place: one preview and one up for both claims.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestClock } from "../../helpers/clock";
import type { CommandResult } from "../../helpers/pulumi";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-lifecycle-test-key-4b1d9e";
const TOKEN = "pulumi-nodejs:dynamic/openai-realtime";
const clock = new TestClock();

const PROGRAM =
  fs.readFileSync(path.join(repoRoot, "test/fixtures/resources/index.ts"), "utf8") +
  `
const steady = new ClientSecret("steady", {
  session: { type: "realtime", model: "gpt-realtime", instructions: "Steady." },
  rotateBeforeSeconds: config.getNumber("steadyRotateBeforeSeconds") ?? 0,
});
export const steadySecret = { value: steady.value, expiresAt: steady.expiresAt, sessionId: steady.sessionId };
`;

/** The lines of a `--diff` output that belong to the step of resource `name` (header to the next step). */
function stepLines(output: string, name: string): string {
  const lines = output.split("\n");
  const header = /^\s{4}[-+~ ]{1,2}\S+:\S+: \(/;
  const urn = lines.findIndex((line) => line.trim().startsWith("[urn=") && line.trim().endsWith(`::${name}]`));
  if (urn < 0) return "";
  let start = urn;
  while (start > 0 && !header.test(lines[start]!)) start--;
  const end = lines.findIndex((line, i) => i > urn && header.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

describe("resources lifecycle", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY, { emulator: { now: clock.now } });
  const env = () => clock.env();

  it("previews a fresh stack without any API request, warning once per resource of a retired endpoint", async () => {
    stack.ws.write("index.ts", PROGRAM);
    const preview = await stack.ws.preview([], env());
    expect(preview.code, preview.output).toBe(0);
    for (const kind of ["SessionTemplate", "ClientSecret", "RealtimeSession", "TranscriptionSession", "TranslationClientSecret"]) {
      expect(preview.output).toContain(`+ ${TOKEN}:${kind}`);
    }
    const realtime =
      'RealtimeSession targets POST /realtime/sessions, which OpenAI retired on 2026-05-12 with the beta Realtime interface ' +
      '(reported to answer 404 since); use a ClientSecret with a `type: "realtime"` session instead.';
    const transcription =
      "TranscriptionSession targets POST /realtime/transcription_sessions, which OpenAI retired on 2026-05-12 with the beta " +
      'Realtime interface (reported to answer 404 since); use a ClientSecret with a `type: "transcription"` session instead.';
    expect(preview.output.split(realtime)).toHaveLength(2);
    expect(preview.output.split(transcription)).toHaveLength(2);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("creates all five kinds with one request each, the designed outputs and where they were minted", async () => {
    const up = await stack.ws.up(env());
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toMatch(/ek_[A-Za-z0-9]/);
    expect(up.output).not.toContain(API_KEY);
    expect((await stack.emulator.stats()).requests).toEqual({
      "POST /v1/realtime/client_secrets": 3,
      "POST /v1/realtime/sessions": 1,
      "POST /v1/realtime/transcription_sessions": 1,
      "POST /v1/realtime/translations/client_secrets": 1,
    });
    // The template learns its effective session from a secret of the shortest lifetime the API allows.
    const recorded = (await stack.emulator.requests()) as unknown as Array<{ path: string; body: { expires_after?: { seconds: number } } }>;
    const mints = recorded.filter((r) => r.path === "/v1/realtime/client_secrets").map((r) => r.body.expires_after?.seconds);
    expect(mints.sort()).toEqual([10, 600, 600]);

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
    expect(web.expiresAt).toBe(clock.seconds + 600);

    const legacy = out.legacySession as { clientSecret: string; expiresAt: number; sessionId: string };
    expect(legacy.clientSecret).toMatch(/^ek_/);
    expect(legacy.expiresAt).toBe(clock.seconds + 60);
    expect((out.captionsSession as { clientSecret: string }).clientSecret).toMatch(/^ek_/);
    expect((out.spanishSecret as { value: string }).value).toMatch(/^ek_/);

    const { resources } = await stack.ws.exportState();
    const minted = resources.filter((r) => r.type.startsWith(`${TOKEN}:`));
    expect(minted).toHaveLength(6);
    for (const r of minted) {
      expect(r.outputs, r.type).toMatchObject({ apiOrigin: stack.emulator.url, keyFingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}$/) });
      if (!r.type.endsWith(":SessionTemplate")) expect(r.outputs?.expired, r.type).toBe(false);
    }
  });

  it("keeps every token and the API key out of state and output", async () => {
    const plain = await stack.ws.outputs(false);
    expect(JSON.stringify(plain)).not.toMatch(/ek_/);
    expect((plain.webSecret as { value: string }).value).toBe("[secret]");

    const { raw, resources } = await stack.ws.exportState();
    expect(raw).not.toMatch(/ek_[A-Za-z0-9]/);
    expect(raw).not.toContain(API_KEY);
    const secret = resources.find((r) => r.type === `${TOKEN}:ClientSecret` && r.urn.endsWith("::web"));
    expect(secret?.outputs?.value).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    // The template holds the effective session; a token's state carries only what diff and apps need.
    const kept = ["__provider", "expired", "expiresAfterSeconds", "expiresAt", "revision", "revisionKey", "rotateBeforeSeconds", "sessionId", "stateVersion", "value"];
    // Where it was minted: the organization and project are unset here, so left out.
    expect(Object.keys(secret?.outputs ?? {}).sort()).toEqual([...kept, "apiOrigin", "keyFingerprint"].sort());

    const revealed = await stack.ws.exportState(true);
    expect(revealed.raw).toMatch(/ek_[A-Za-z0-9]{32}/);
  });

  it("plans and applies nothing on a second run, without API requests", async () => {
    await stack.emulator.reset();
    // --expect-no-changes fails the update on any step that changes a
    // resource, so one run proves both the empty plan and the empty update.
    const up = await stack.ws.run(["up", "--yes", "--skip-preview", "--expect-no-changes"], { env: env() });
    expect(up.code, up.output).toBe(0);
    expect(up.output).toMatch(/Resources:\n\s+8 unchanged\n/);
    expect(up.output).not.toMatch(/created|replaced|updated/);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  // One edit for the next two tests: the template's instructions, and
  // steady's rotateBeforeSeconds.
  let edited: Promise<{ before: Record<string, unknown>; preview: CommandResult; previewRequests: number; up: CommandResult; mints: string[]; requests: Record<string, number> }> | undefined;
  const edit = () =>
    (edited ??= (async () => {
      const before = await stack.ws.outputs(true);
      await stack.ws.run(
        ["config", "set-all", "--plaintext", "instructions=You are a terse concierge.", "--plaintext", "steadyRotateBeforeSeconds=120"],
        { check: true },
      );
      await stack.emulator.reset();
      const preview = await stack.ws.preview([], env());
      const previewRequests = await stack.emulator.apiRequests();
      const up = await stack.ws.up(env());
      const recorded = (await stack.emulator.requests()) as unknown as Array<{ path: string; body: { session?: { instructions?: string } } }>;
      const mints = recorded.filter((r) => r.path === "/v1/realtime/client_secrets").map((r) => r.body.session?.instructions ?? "");
      return { before, preview, previewRequests, up, mints, requests: (await stack.emulator.stats()).requests };
    })());

  it("previews a one-word instructions edit as that edit with a reason, and replaces what depends on it", async () => {
    const { before, preview, previewRequests, up, requests } = await edit();
    expect(preview.code, preview.output).toBe(0);
    const template = stepLines(preview.output, "concierge");
    expect(template).toContain(`+-${TOKEN}:SessionTemplate: (replace)`);
    expect(template).toContain('~ instructions: "You are a friendly concierge." => "You are a terse concierge."');
    // Only what was written is compared, not the defaults the API filled in.
    expect(template).not.toContain("max_output_tokens");
    expect(template).not.toContain("turn_detection");
    expect(preview.output).toMatch(/SessionTemplate tmpl_[0-9a-f]{24} is replaced: session changed/);
    expect(stepLines(preview.output, "web")).toContain(`+-${TOKEN}:ClientSecret: (replace)`);
    expect(preview.output).not.toContain(`+-${TOKEN}:TranslationClientSecret: (replace)`);
    expect(preview.output).not.toContain(`+-${TOKEN}:TranscriptionSession: (replace)`);
    expect(previewRequests).toBe(0);

    expect(up.code, up.output).toBe(0);
    expect(up.output).toMatch(/SessionTemplate concierge replaced/);
    expect(up.output).toMatch(/ClientSecret web replaced/);
    expect(up.output).toMatch(/RealtimeSession legacy replaced/);
    expect(up.output).not.toMatch(/TranslationClientSecret spanish replaced/);
    expect(up.output).not.toMatch(/TranscriptionSession captions replaced/);
    // The template's probe, the web secret and the legacy session: nothing else.
    expect(requests).toEqual({ "POST /v1/realtime/client_secrets": 2, "POST /v1/realtime/sessions": 1 });
    const after = await stack.ws.outputs(true);
    expect((after.template as { session: { instructions: string } }).session.instructions).toBe("You are a terse concierge.");
    expect((after.webSecret as { value: string }).value).not.toBe((before.webSecret as { value: string }).value);
    expect(after.appFingerprint).not.toBe(before.appFingerprint);
  });

  it("updates rotateBeforeSeconds in place: no API request, the same token", async () => {
    const { before, preview, up, mints } = await edit();
    const steady = stepLines(preview.output, "steady");
    expect(steady).toContain(`~ ${TOKEN}:ClientSecret: (update)`);
    expect(steady).toContain("~ rotateBeforeSeconds: 0 => 120");
    expect(up.code, up.output).toBe(0);
    expect(up.output).toMatch(/ClientSecret steady updated/);
    expect(up.output).not.toMatch(/steady replaced/);
    // The API was asked for the replaced secrets only (the template's instructions), never for steady's.
    expect(mints).toHaveLength(2);
    expect(mints).not.toContain("Steady.");
    const after = await stack.ws.outputs(true);
    expect(after.steadySecret).toEqual(before.steadySecret);
    const { resources } = await stack.ws.exportState();
    const state = resources.find((r) => r.type === `${TOKEN}:ClientSecret` && r.urn.endsWith("::steady"));
    expect(state?.outputs?.rotateBeforeSeconds).toBe(120);
  });

  it("refreshes without API requests, recording in state a token that has expired, and destroys, leaving an empty stack", async () => {
    const web = () => stack.ws.exportState().then(({ raw, resources }) => ({ raw, state: resources.find((r) => r.type === `${TOKEN}:ClientSecret` && r.urn.endsWith("::web")) }));
    const { state: before } = await web();
    expect(before?.outputs?.expired).toBe(false);
    // The clock reaches web's expiry: refresh records it, from the clock alone.
    clock.set(before?.outputs?.expiresAt as number);
    await stack.emulator.reset();
    const refresh = await stack.ws.run(["refresh", "--yes", "--skip-preview"], { env: env() });
    expect(refresh.code, refresh.output).toBe(0);
    const { raw, state: after } = await web();
    expect(after?.outputs?.expired).toBe(true);
    expect(raw).not.toMatch(/ek_[A-Za-z0-9]/);

    const destroy = await stack.ws.run(["destroy", "--yes", "--skip-preview"], { env: env() });
    expect(destroy.code, destroy.output).toBe(0);
    expect(await stack.emulator.apiRequests()).toBe(0);
    expect((await stack.ws.exportState()).resources).toEqual([]);
  });
});
