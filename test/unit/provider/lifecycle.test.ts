// The provider's decisions as pure functions: no engine, no network.
import { describe, expect, it } from "vitest";
import { revisionOf } from "../../../src/provider/canonical";
import { check, diff, isDue, read, update } from "../../../src/provider/handlers";
import { STATE_VERSION } from "../../../src/provider/state-version";
import { UNKNOWN } from "../../../src/provider/unknowns";

const SESSION = { type: "realtime", model: "gpt-realtime", instructions: "Hi." };
const PROVIDER = "exports.handler = ...";

function minted(overrides: Record<string, unknown> = {}) {
  return {
    value: "ek_0123456789abcdef0123456789abcdef",
    expiresAt: 2_000,
    sessionId: "sess_1",
    revision: revisionOf(SESSION),
    expiresAfterSeconds: 600,
    rotateBeforeSeconds: 0,
    stateVersion: STATE_VERSION,
    __provider: PROVIDER,
    ...overrides,
  };
}

const news = (overrides: Record<string, unknown> = {}) => ({
  session: { ...SESSION },
  expiresAfterSeconds: 600,
  rotateBeforeSeconds: 0,
  __provider: PROVIDER,
  ...overrides,
});

describe("check", () => {
  it("fills defaults and keeps the provider", () => {
    const result = check("ClientSecret", { session: SESSION, __provider: PROVIDER });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual({ session: SESSION, expiresAfterSeconds: 600, rotateBeforeSeconds: 0, __provider: PROVIDER });
  });

  it("names every failing property with the allowed values", () => {
    const result = check("ClientSecret", {
      session: { ...SESSION, audio: { output: { speed: 9 } }, max_output_tokens: 0 },
      expiresAfterSeconds: 7201,
      extra: true,
    });
    expect(result.failures).toEqual([
      {
        property: "session.max_output_tokens",
        reason: "Invalid 'session.max_output_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead.",
      },
      {
        property: "session.audio.output.speed",
        reason: "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead.",
      },
      {
        property: "expiresAfterSeconds",
        reason: "Invalid 'expiresAfterSeconds': integer above maximum value. Expected a value <= 7200, but got 7201 instead.",
      },
      { property: "extra", reason: "Unknown parameter: 'extra'." },
    ]);
  });

  it("does not judge values the engine does not know yet", () => {
    expect(check("ClientSecret", { session: UNKNOWN, expiresAfterSeconds: UNKNOWN }).failures).toEqual([]);
    expect(check("ClientSecret", { session: { type: "realtime", instructions: UNKNOWN } }).failures).toEqual([]);
    // ...but still reports what is known to be wrong beside them.
    expect(check("ClientSecret", { session: { type: "realtime", instructions: UNKNOWN, bogus: 1 } }).failures).toEqual([
      { property: "session.bogus", reason: "Unknown parameter: 'session.bogus'." },
    ]);
  });

  it("validates each kind against its own endpoint's body", () => {
    expect(check("RealtimeSession", {}).inputs).toEqual({ session: {}, __provider: undefined });
    expect(check("TranscriptionSession", { session: { input_audio_format: "mp3" } }).failures[0]?.property).toBe(
      "session.input_audio_format",
    );
    expect(check("TranslationClientSecret", { session: { model: "gpt-realtime-translate" } }).failures).toEqual([]);
  });
});

describe("diff", () => {
  it("reports no change for the same inputs and an unexpired token", () => {
    expect(diff("ClientSecret", minted(), news(), 1_000)).toEqual({ changes: false });
  });

  it("ignores key order inside the session", () => {
    const reordered = { instructions: "Hi.", model: "gpt-realtime", type: "realtime" };
    expect(diff("ClientSecret", minted(), news({ session: reordered }), 1_000)).toEqual({ changes: false });
  });

  it("replaces on any argument change, listing the changed arguments", () => {
    expect(diff("ClientSecret", minted(), news({ session: { ...SESSION, instructions: "Bye." }, expiresAfterSeconds: 60 }), 1_000)).toEqual({
      changes: true,
      replaces: ["session", "expiresAfterSeconds"],
      deleteBeforeReplace: false,
    });
  });

  it("replaces when a session is not known yet", () => {
    expect(diff("ClientSecret", minted(), news({ session: UNKNOWN }), 1_000).replaces).toEqual(["session"]);
  });

  it("replaces a token at its rotation point, and not a second before", () => {
    expect(diff("ClientSecret", minted(), news(), 1_999.9)).toEqual({ changes: false });
    expect(diff("ClientSecret", minted(), news(), 2_000)).toEqual({ changes: true, replaces: ["expiresAt"], deleteBeforeReplace: false });
    const early = minted({ rotateBeforeSeconds: 120 });
    expect(isDue(early, 1_879)).toBe(false);
    expect(isDue(early, 1_880)).toBe(true);
  });

  it("never rotates a template, which holds no token", () => {
    const template = { session: SESSION, model: "gpt-realtime", revision: revisionOf(SESSION), stateVersion: STATE_VERSION, __provider: PROVIDER };
    expect(diff("SessionTemplate", template, { session: SESSION, __provider: PROVIDER }, 10 ** 12)).toEqual({ changes: false });
  });

  it("treats a new serialized provider alone as no change", () => {
    expect(diff("ClientSecret", minted(), news({ __provider: "exports.handler = newer" }), 1_000)).toEqual({ changes: false });
    const { __provider: _, ...outs } = minted();
    expect(update("ClientSecret", minted())).toEqual({ outs });
  });

  it("migrates state written by release 0.1.0 in place: token kept, effective session dropped", () => {
    const { stateVersion: _v, ...v0 } = minted({ session: { ...SESSION } });
    expect(diff("ClientSecret", v0, news(), 1_000)).toEqual({ changes: true });
    const { stateVersion: _t, ...v0WithoutSession } = minted();
    expect(diff("ClientSecret", v0WithoutSession, news(), 1_000)).toEqual({ changes: false });
    const { __provider: _p, ...outs } = minted();
    expect(update("ClientSecret", v0)).toEqual({ outs });
  });
});

describe("read", () => {
  it("returns state as it is, and whether the token has expired", () => {
    const { __provider: _, ...props } = minted();
    expect(read("ClientSecret", "sess_1", minted(), 1_999)).toEqual({ id: "sess_1", props: { ...props, expired: false } });
    expect(read("ClientSecret", "sess_1", minted(), 2_000)).toEqual({ id: "sess_1", props: { ...props, expired: true } });
  });

  it("leaves a template, which holds no token, as it is", () => {
    const template = { session: SESSION, model: "gpt-realtime", revision: revisionOf(SESSION), __provider: PROVIDER };
    const { __provider: _, ...props } = template;
    expect(read("SessionTemplate", "tmpl_1", template, 10 ** 12)).toEqual({ id: "tmpl_1", props });
  });
});
