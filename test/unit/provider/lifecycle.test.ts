// The provider's decisions as pure functions: no engine, no network.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revisionOf } from "../../../src/provider/canonical";
import { check, configure, diff, isDue, read, update } from "../../../src/provider/handlers";
import { currentIdentity, keyFingerprint, recordedIdentity } from "../../../src/provider/identity";
import { currentSettings } from "../../../src/provider/credentials";
import * as stateVersion from "../../../src/provider/state-version";
import { migrateOutputs, needsMigration, STATE_VERSION } from "../../../src/provider/state-version";
import { UNKNOWN } from "../../../src/provider/unknowns";

const SESSION = { type: "realtime", model: "gpt-realtime", instructions: "Hi." };
const PROVIDER = "exports.handler = ...";
const REVISION_KEY = "5f".repeat(32);
// Diff explains replaces in the engine's diagnostics; here the returned reasons are checked instead.
const quiet = () => {};

// Where UNIT_CONFIG sends requests.
const IDENTITY = {
  apiOrigin: "http://127.0.0.1:4010/v1",
  keyFingerprint: keyFingerprint("sk-unit-key", "0123456789abcdef"),
  organization: "org_1",
  project: null,
};

function minted(overrides: Record<string, unknown> = {}) {
  return {
    ...recordedIdentity(IDENTITY),
    value: "ek_0123456789abcdef0123456789abcdef",
    expiresAt: 2_000,
    sessionId: "sess_1",
    revision: revisionOf(SESSION, REVISION_KEY),
    revisionKey: REVISION_KEY,
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

const stackConfig = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
const UNIT_CONFIG = {
  "openai-realtime:apiKey": "sk-unit-key",
  "openai-realtime:baseUrl": "http://127.0.0.1:4010/v1/",
  "openai-realtime:organization": "org_1",
};

/** Configures the provider with UNIT_CONFIG (IDENTITY) over an empty environment, for one describe block. */
function useUnitConfig(): void {
  beforeEach(() => {
    for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"]) vi.stubEnv(name, undefined);
    configure(stackConfig(UNIT_CONFIG));
    return () => {
      vi.unstubAllEnvs();
      configure(undefined);
    };
  });
}

describe("identity", () => {
  useUnitConfig();

  it("is where requests go now: base URL without a trailing slash, key fingerprint, organization, project", () => {
    expect(currentIdentity(currentSettings(), { keyFingerprint: IDENTITY.keyFingerprint })).toEqual(IDENTITY);
    // Nothing recorded: a fresh salt, so two resources minted with one key do not share a fingerprint.
    const fresh = [currentIdentity(currentSettings(), undefined), currentIdentity(currentSettings(), undefined)];
    expect(fresh[0]?.keyFingerprint).toMatch(/^hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}$/);
    expect(fresh[0]?.keyFingerprint).not.toBe(fresh[1]?.keyFingerprint);
    // Outputs record only what is set: absent stands for null.
    expect(recordedIdentity(IDENTITY)).toEqual({ apiOrigin: IDENTITY.apiOrigin, keyFingerprint: IDENTITY.keyFingerprint, organization: "org_1" });
  });

  it("compares the unsalted fingerprint of earlier releases the same way, so an upgrade replaces nothing", () => {
    const unsalted = `sha256:${createHash("sha256").update("sk-unit-key").digest("hex").slice(0, 16)}`;
    expect(diff("ClientSecret", minted({ keyFingerprint: unsalted }), news(), 1_000, quiet)).toEqual({ changes: false, reasons: [] });
    expect(diff("ClientSecret", minted({ keyFingerprint: "sha256:0000000000000000" }), news(), 1_000, quiet).replaces).toEqual(["keyFingerprint"]);
  });

  it("takes organization and project from the environment when the stack config has none", () => {
    configure(stackConfig({ "openai-realtime:apiKey": "sk-unit-key" }));
    vi.stubEnv("OPENAI_PROJECT_ID", "proj_env");
    vi.stubEnv("OPENAI_BASE_URL", "https://api.example.test/v1");
    expect(currentIdentity(currentSettings(), undefined)).toMatchObject({
      apiOrigin: "https://api.example.test/v1",
      organization: null,
      project: "proj_env",
    });
  });

  it("keeps the recorded key fingerprint when no key is known (a run without credentials), so nothing is replaced", () => {
    configure(stackConfig({ "openai-realtime:baseUrl": UNIT_CONFIG["openai-realtime:baseUrl"], "openai-realtime:organization": "org_1" }));
    expect(currentIdentity(currentSettings(), minted()).keyFingerprint).toBe(IDENTITY.keyFingerprint);
    expect(currentIdentity(currentSettings(), undefined).keyFingerprint).toBeNull();
    expect(diff("ClientSecret", minted(), news(), 1_000, quiet)).toEqual({ changes: false, reasons: [] });
  });
});

describe("check", () => {
  useUnitConfig();

  it("fills defaults and keeps the provider; where the token is minted is recorded by create, not as an input", () => {
    const result = check("ClientSecret", { session: SESSION, __provider: PROVIDER });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual({
      session: SESSION,
      expiresAfterSeconds: 600,
      rotateBeforeSeconds: 0,
      __provider: PROVIDER,
    });
    expect(JSON.stringify(result.inputs)).not.toContain("sk-unit-key");
  });

  it("validates onExpiry, naming the allowed values, and drops the protect marker of earlier builds", () => {
    expect(check("ClientSecret", { session: SESSION, onExpiry: "keep", __protected: true }).inputs).toEqual({
      session: SESSION,
      expiresAfterSeconds: 600,
      rotateBeforeSeconds: 0,
      onExpiry: "keep",
      __provider: undefined,
    });
    const bad = check("RealtimeSession", { onExpiry: "ignore" });
    expect(bad.failures).toHaveLength(1);
    expect(bad.failures[0]?.property).toBe("onExpiry");
    expect(bad.failures[0]?.reason).toMatch(/replace.*keep/);
    expect(check("SessionTemplate", { session: SESSION, onExpiry: "keep" }).failures[0]?.reason).toMatch(/onExpiry/);
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
  useUnitConfig();
  const NONE = { changes: false, reasons: [] };

  it("reports no change for the same inputs and an unexpired token", () => {
    expect(diff("ClientSecret", minted(), news(), 1_000, quiet)).toEqual(NONE);
  });

  it("ignores key order inside the session", () => {
    const reordered = { instructions: "Hi.", model: "gpt-realtime", type: "realtime" };
    expect(diff("ClientSecret", minted(), news({ session: reordered }), 1_000, quiet)).toEqual(NONE);
  });

  it("replaces on any argument change, listing the changed arguments and leaving the property diff to the engine", () => {
    expect(diff("ClientSecret", minted(), news({ session: { ...SESSION, instructions: "Bye." }, expiresAfterSeconds: 60 }), 1_000, quiet)).toEqual({
      replaces: ["session", "expiresAfterSeconds"],
      deleteBeforeReplace: false,
      reasons: ["ClientSecret sess_1 is replaced: session, expiresAfterSeconds changed"],
    });
  });

  it("replaces when a session is not known yet, explaining only the changes known to be real", () => {
    const unknown = diff("ClientSecret", minted(), news({ session: UNKNOWN }), 1_000, quiet);
    expect(unknown.replaces).toEqual(["session"]);
    // The engine may find it equal once known and plan no replace: no reason is logged for it.
    expect(unknown.reasons).toEqual([]);
    const said: string[] = [];
    diff("ClientSecret", minted(), news({ session: UNKNOWN, expiresAfterSeconds: 60 }), 1_000, (m) => void said.push(m));
    expect(said).toEqual(["ClientSecret sess_1 is replaced: expiresAfterSeconds changed"]);
  });

  it("updates in place, without a new token, when only rotateBeforeSeconds changes", () => {
    expect(diff("ClientSecret", minted(), news({ rotateBeforeSeconds: 120 }), 1_000, quiet)).toEqual({ changes: true, reasons: [] });
    expect(update("ClientSecret", minted(), news({ rotateBeforeSeconds: 120 })).outs).toMatchObject({
      value: minted().value,
      expiresAt: 2_000,
      rotateBeforeSeconds: 120,
    });
    // The new value decides whether the token is due.
    expect(diff("ClientSecret", minted(), news({ rotateBeforeSeconds: 120 }), 1_900, quiet).replaces).toEqual(["expiresAt"]);
  });

  it("replaces a token at its rotation point, and not a second before, saying why", () => {
    expect(diff("ClientSecret", minted(), news(), 1_999.9, quiet)).toEqual(NONE);
    expect(diff("ClientSecret", minted(), news(), 2_000, quiet)).toEqual({
      changes: true,
      replaces: ["expiresAt"],
      deleteBeforeReplace: false,
      reasons: ["ClientSecret sess_1 is replaced: expired at 1970-01-01T00:33:20Z"],
    });
    const early = minted({ rotateBeforeSeconds: 120 });
    expect(isDue(early, 1_879)).toBe(false);
    expect(isDue(early, 1_880)).toBe(true);
    expect(diff("ClientSecret", early, news({ rotateBeforeSeconds: 120 }), 1_880, quiet).reasons).toEqual([
      "ClientSecret sess_1 is replaced: within rotateBeforeSeconds (120) of expiry at 1970-01-01T00:33:20Z",
    ]);
  });

  it("keeps an expired token with onExpiry keep (the default under protect), and says how to rotate it", () => {
    const result = diff("ClientSecret", minted(), news({ onExpiry: "keep" }), 2_000, quiet);
    expect(result.changes).toBe(false);
    expect(result.reasons).toEqual([
      'ClientSecret sess_1 expired at 1970-01-01T00:33:20Z; it is kept (onExpiry "keep", the default under `protect`): ' +
        'remove `protect` (from it and its parents) or set onExpiry: "replace", and run `pulumi up` to re-mint it',
    ]);
    expect(diff("ClientSecret", minted(), news({ onExpiry: "replace" }), 2_000, quiet).replaces).toEqual(["expiresAt"]);
  });

  it("replaces when the API origin, key, organization or project changes, naming only fingerprints", () => {
    const identity = { apiOrigin: "http://127.0.0.1:4010/v1", keyFingerprint: "sha256:aaaaaaaaaaaaaaaa", organization: null, project: null };
    const old = minted({ ...recordedIdentity(identity), organization: undefined });
    expect(diff("ClientSecret", old, news(), 1_000, quiet, identity)).toEqual(NONE);
    // State of earlier builds wrote null rather than leaving the property out.
    expect(diff("ClientSecret", minted(identity), news(), 1_000, quiet, identity)).toEqual(NONE);
    const moved = diff("ClientSecret", old, news(), 1_000, quiet, { ...identity, apiOrigin: "https://api.openai.com/v1", project: "proj_2" });
    // The identity is no input: only `changes` tells the engine its inputs' equality is not the whole story.
    expect(moved.changes).toBe(true);
    expect(moved.replaces).toEqual(["apiOrigin", "project"]);
    expect(moved.reasons).toEqual([
      'ClientSecret sess_1 is replaced: minted with another identity (API base URL "http://127.0.0.1:4010/v1" -> ' +
        '"https://api.openai.com/v1", project null -> "proj_2")',
    ]);
  });

  it("leaves adoption to a keyed run: a keyless run records no identity, so the next keyed run replaces nothing", () => {
    const { apiOrigin: _a, keyFingerprint: _k, organization: _o, ...before } = minted();
    const keyless = { ...IDENTITY, keyFingerprint: null };
    expect(diff("ClientSecret", before, news(), 1_000, quiet, keyless)).toEqual({ changes: false, reasons: [] });
    expect(update("ClientSecret", before, news(), keyless).outs).not.toHaveProperty("apiOrigin");
    // The keyed run then adopts in place.
    expect(diff("ClientSecret", before, news(), 1_000, quiet, IDENTITY)).toEqual({ changes: true, reasons: [] });
  });

  // Through the engine, a check failure stops `pulumi preview` before any request
  // (test/integration/validate/bad-input-preview.test.ts), and the base URL comes
  // from stack config, as the API key does from secret config
  // (test/integration/resources/credentials.test.ts).
  it("refuses at check a base URL that does not parse, never showing its user or password", () => {
    configure(stackConfig({ ...UNIT_CONFIG, "openai-realtime:baseUrl": "http://admin:hunter2@127.0.0.1:port/v1" }));
    const { failures } = check("ClientSecret", { session: SESSION });
    expect(failures).toEqual([
      {
        property: "baseUrl",
        reason:
          "the API base URL (stack config openai-realtime:baseUrl or OPENAI_BASE_URL) is not a valid URL: " +
          '"http://[REDACTED]@127.0.0.1:port/v1"; expected e.g. https://api.openai.com/v1',
      },
    ]);
    expect(JSON.stringify(currentIdentity(currentSettings(), undefined))).not.toContain("hunter2");
  });

  it("adopts state recorded before identities were, as an update without a new token", () => {
    const identity = { apiOrigin: "https://api.openai.com/v1", keyFingerprint: "sha256:bbbbbbbbbbbbbbbb", organization: null, project: null };
    const { apiOrigin: _a, keyFingerprint: _k, organization: _o, ...before } = minted();
    expect(diff("ClientSecret", before, news(), 1_000, quiet, identity)).toEqual({ changes: true, reasons: [] });
    const adopted = update("ClientSecret", before, news(), identity).outs;
    expect(adopted).toMatchObject({ apiOrigin: identity.apiOrigin, keyFingerprint: identity.keyFingerprint, value: minted().value });
    expect(adopted).not.toHaveProperty("project");
    // A template is not updated for it: its preview would show every token minted from it as replaced.
    const template = { session: SESSION, model: "gpt-realtime", revision: revisionOf(SESSION, REVISION_KEY), revisionKey: REVISION_KEY, stateVersion: STATE_VERSION, __provider: PROVIDER };
    expect(diff("SessionTemplate", template, { session: SESSION, __provider: PROVIDER }, 1_000, quiet, identity)).toEqual(NONE);
  });

  it("never rotates a template, which holds no token", () => {
    const template = { session: SESSION, model: "gpt-realtime", revision: revisionOf(SESSION, REVISION_KEY), revisionKey: REVISION_KEY, stateVersion: STATE_VERSION, __provider: PROVIDER };
    expect(diff("SessionTemplate", template, { session: SESSION, __provider: PROVIDER }, 10 ** 12, quiet)).toEqual(NONE);
  });

  it("treats a new serialized provider alone as no change", () => {
    expect(diff("ClientSecret", minted(), news({ __provider: "exports.handler = newer" }), 1_000, quiet)).toEqual(NONE);
    const { __provider: _, ...outs } = minted();
    expect(update("ClientSecret", minted())).toEqual({ outs });
  });

  it("migrates state written by release 0.1.0 in place: token kept, effective session dropped", () => {
    const { stateVersion: _v, ...v0 } = minted({ session: { ...SESSION } });
    expect(diff("ClientSecret", v0, news(), 1_000)).toEqual({ changes: true, reasons: [] });
    const { stateVersion: _t, ...v0WithoutSession } = minted();
    expect(diff("ClientSecret", v0WithoutSession, news(), 1_000)).toEqual(NONE);
    const { __provider: _p, ...outs } = minted();
    expect(update("ClientSecret", v0)).toEqual({ outs });
  });
});

describe("versions", () => {
  useUnitConfig();

  it("diffs outputs of earlier releases after migrating them: an unkeyed revision of 0.1.0 still compares", () => {
    const { stateVersion: _v, revisionKey: _k, ...v0 } = minted({ session: { ...SESSION }, revision: revisionOf(SESSION, undefined) });
    expect(diff("ClientSecret", v0, news(), 1_000, quiet)).toEqual({ changes: true, reasons: [] });
    const edited = diff("ClientSecret", v0, news({ session: { ...SESSION, instructions: "Bye." } }), 1_000, quiet);
    expect(edited.replaces).toEqual(["session"]);
  });

  it("sees a renamed key or a rewritten value as a migration, not a change in the number of keys", () => {
    // Today's one step (0 -> 1) only drops a key; a later release may rename
    // one, which leaves the count unchanged.
    const { stateVersion: _v, ...rest } = minted();
    const renamed = { ...rest, isExpired: false };
    expect(needsMigration("ClientSecret", renamed, { ...rest, expired: false, stateVersion: STATE_VERSION })).toBe(true);
    expect(needsMigration("ClientSecret", minted(), { ...minted(), expiresAt: 2_001 })).toBe(true);
    expect(needsMigration("ClientSecret", minted())).toBe(false);
    const { stateVersion: _t, ...v0 } = minted({ session: { ...SESSION } });
    expect(needsMigration("ClientSecret", v0)).toBe(true);
  });

  it("compares the migrated outputs: a key a migration renames is read under its new name, and the update writes it", () => {
    // A later release's step, renaming `expiry` (as an earlier shape would have called it) to `expiresAt`.
    const real = migrateOutputs;
    vi.spyOn(stateVersion, "migrateOutputs").mockImplementation((kind, outs) => {
      const { expiry, ...rest } = real(kind, outs);
      return expiry === undefined ? rest : { ...rest, expiresAt: expiry };
    });
    const { expiresAt, ...current } = minted();
    const older = { ...current, expiry: expiresAt };
    // Read raw, the token would have no expiry and be replaced as due.
    expect(diff("ClientSecret", older, news(), 1_000, quiet)).toEqual({ changes: true, reasons: [] });
    expect(diff("ClientSecret", older, news(), 2_000, quiet).replaces).toEqual(["expiresAt"]);
    const { __provider: _p, ...outs } = minted();
    expect(update("ClientSecret", older, news()).outs).toEqual(outs);
  });

  it("refuses state of a newer release in diff, update and read, saying to upgrade, and never rewrites its version", () => {
    const newer = minted({ stateVersion: STATE_VERSION + 1 });
    const message = /ClientSecret( sess_1)? was written by a newer release of pulumi-openai-realtime \(state version 2; this release reads up to 1\): upgrade the package/;
    expect(() => diff("ClientSecret", newer, news(), 1_000, quiet, undefined, "sess_1")).toThrow(message);
    expect(() => update("ClientSecret", newer, news())).toThrow(message);
    expect(() => read("ClientSecret", "sess_1", newer, 1_000)).toThrow(message);
  });
});

describe("read", () => {
  it("returns state as it is, and whether the token has expired", () => {
    const { __provider: _, ...props } = minted();
    expect(read("ClientSecret", "sess_1", minted(), 1_999)).toEqual({ id: "sess_1", props: { ...props, expired: false } });
    expect(read("ClientSecret", "sess_1", minted(), 2_000)).toEqual({ id: "sess_1", props: { ...props, expired: true } });
  });

  it("leaves a template, which holds no token, as it is", () => {
    const template = { session: SESSION, model: "gpt-realtime", revision: revisionOf(SESSION, REVISION_KEY), __provider: PROVIDER };
    const { __provider: _, ...props } = template;
    expect(read("SessionTemplate", "tmpl_1", template, 10 ** 12)).toEqual({ id: "tmpl_1", props });
  });
});
