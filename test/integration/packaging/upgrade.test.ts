// A stack deployed with release 0.1.0 (commit f9bc9a9, built and packed
// here), upgraded to this build by `npm install` as a user would: the new
// provider applies it as an in-place update of the tokens only, without an API
// call keeping ids and tokens (first without a key, which leaves where they
// were minted to the next keyed run). A stack written by this build then
// refreshes with the package uninstalled, and gets release 0.1.0 installed
// over it (a user pinning back): 0.1.0 cannot compare this build's keyed
// revisions, so it replaces them, re-minting and forgetting the originals,
// whose provider text treats a copy without the provider subpath like no
// copy. (Templates written by 0.1.0 keep that release's serialized provider
// until replaced: it loads the handlers from `dist/`, which this build still
// ships.)
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestEmulator } from "../../helpers/emulator";
import { pack, packRelease, UserProject } from "./packed";

const RELEASE_0_1_0 = "f9bc9a9";
const TOKEN = "pulumi-nodejs:dynamic/openai-realtime";
const PROGRAM = `
const { ClientSecret, SessionTemplate, TranslationClientSecret } = require("pulumi-openai-realtime");
const concierge = new SessionTemplate("concierge", {
  session: { type: "realtime", model: "gpt-realtime", instructions: "Greet callers.", audio: { output: { voice: "marin" } } },
});
const web = new ClientSecret("web", { session: concierge.session, expiresAfterSeconds: 3600 });
const spanish = new TranslationClientSecret("spanish", {
  session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
  expiresAfterSeconds: 3600,
});
exports.token = web.value;
exports.model = concierge.model;
`;

type Resources = Awaited<ReturnType<UserProject["resources"]>>;
const byType = (resources: Resources) => Object.fromEntries(resources.map((r) => [r.type.slice(TOKEN.length + 1), r]));

describe("upgrading from release 0.1.0", { timeout: 600_000 }, () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "por-upgrade-"));
  let emulator: TestEmulator;
  let user: UserProject;
  let current = "";
  let release = "";
  let before: Record<string, Resources[number]> = {};

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    // Both are named pulumi-openai-realtime-0.1.0.tgz: one folder each.
    fs.mkdirSync(path.join(dest, "release"));
    fs.mkdirSync(path.join(dest, "current"));
    const [released, packed] = await Promise.all([
      packRelease(RELEASE_0_1_0, path.join(dest, "release")),
      pack(repoRoot, path.join(dest, "current")),
    ]);
    current = packed.tarball;
    release = released;
    user = new UserProject(
      { "Pulumi.yaml": "name: upgrade\nruntime: nodejs\n", "index.js": PROGRAM },
      { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: "sk-upgrade-test" },
    );
    await user.install(release, { keep: "machine" });
    await user.pulumi("stack", "init", "dev");
    await user.pulumi("up", "--yes", "--skip-preview");
    before = byType(await user.resources(true));
  }, 600_000);

  afterAll(async () => {
    user?.remove();
    await emulator?.close();
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it("starts from the release's state: its large serialized provider and a session in each token", () => {
    expect(String(before.ClientSecret?.outputs.__provider)).toContain("dist/provider/handlers.js");
    expect(before.ClientSecret?.outputs).toHaveProperty("session");
    expect(before.ClientSecret?.outputs).not.toHaveProperty("stateVersion");
  });

  it("applies the release's state as an in-place update of the tokens only, without an API call, keeping ids and tokens, in the current state shape", async () => {
    await user.install(current);
    await emulator.reset();
    // First on a machine without credentials: the shape is migrated, but
    // where the tokens were minted waits for a run that knows the key (a
    // fingerprint recorded as unknown would make that run replace them all).
    // (Each update's steps are its plan: no separate preview.)
    const keyless = await user.pulumiWith({ OPENAI_API_KEY: undefined }, "up", "--yes", "--skip-preview");
    expect(keyless).toContain(`~  ${TOKEN}:ClientSecret web updated`);
    expect(keyless).toContain(`~  ${TOKEN}:TranslationClientSecret spanish updated`);
    expect(keyless).not.toMatch(/^\s*(\+-|\+|-|\+\+|--|~)\s+pulumi-nodejs:dynamic\/openai-realtime:SessionTemplate/m);
    expect(keyless).not.toMatch(/^\s*(\+-|\+|-|\+\+|--)\s+pulumi-nodejs/m);
    expect(keyless).toMatch(/~ 2 updated/);
    expect(keyless).not.toMatch(/replaced|created|deleted/);
    const keyed = await user.pulumi("up", "--yes", "--skip-preview");
    expect(keyed).toMatch(/~ 2 updated/);
    expect(keyed).not.toMatch(/replaced/);
    expect(await emulator.apiRequests()).toBe(0);
    const after = byType(await user.resources(true));
    // Unset organization and project are left out, not stored as null.
    const identity = { apiOrigin: emulator.url, keyFingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}$/) };
    for (const kind of ["SessionTemplate", "ClientSecret", "TranslationClientSecret"]) {
      expect(after[kind]?.id, kind).toBe(before[kind]?.id);
    }
    for (const kind of ["ClientSecret", "TranslationClientSecret"]) {
      const { session: _dropped, ...kept } = before[kind]?.outputs ?? {};
      const { __provider: _p, stateVersion, ...rest } = after[kind]?.outputs ?? {};
      const { __provider: _q, ...keptWithoutProvider } = kept;
      // Everything kept, plus where the token was minted (recorded on this first update).
      expect(rest, kind).toEqual({ ...keptWithoutProvider, ...identity });
      expect(stateVersion, kind).toBe(1);
      expect(String(after[kind]?.outputs.__provider).length, kind).toBeLessThan(600);
    }
    const again = await user.pulumi("preview", "--expect-no-changes");
    expect(again).not.toMatch(/to update|to replace/);
  });

  it("refuses state written by a newer release (a downgrade) with a clear message, changing nothing", async () => {
    await user.pulumi("stack", "export", "--file", "current.json");
    const state = JSON.parse(fs.readFileSync(path.join(user.dir, "current.json"), "utf8")) as { deployment: { resources: Array<{ type: string; outputs: Record<string, unknown> }> } };
    const token = state.deployment.resources.find((r) => r.type === `${TOKEN}:ClientSecret`);
    if (token === undefined) throw new Error("no ClientSecret in state");
    token.outputs.stateVersion = 99;
    fs.writeFileSync(path.join(user.dir, "newer.json"), JSON.stringify(state));
    await user.pulumi("stack", "import", "--file", "newer.json");
    // `up` with its preview: the preview refuses, and the update never starts.
    const refused = await user.pulumi("up", "--yes").then(
      () => "",
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/^Previewing update/m);
    expect(refused).not.toMatch(/^Updating \(/m);
    expect(refused).toMatch(
      /ClientSecret \S+ was written by a newer release of pulumi-openai-realtime \(state version 99; this release reads up to \d+\): upgrade the package/,
    );
    const after = await user.resources();
    expect(after.find((r) => r.type === `${TOKEN}:ClientSecret`)?.outputs.stateVersion).toBe(99);
    expect(await emulator.apiRequests()).toBe(0);
    // Back to this release's state for what follows.
    await user.pulumi("stack", "import", "--file", "current.json");
  });

  let written: Record<string, Resources[number]> = {};

  it("refreshes a stack it wrote with the package uninstalled, without API requests", async () => {
    // Every resource minted anew by this build (the tokens were only migrated).
    await user.pulumi("up", "--yes", "--skip-preview", ...["SessionTemplate::concierge", "ClientSecret::web", "TranslationClientSecret::spanish"].flatMap((r) => ["--replace", `urn:pulumi:dev::upgrade::${TOKEN}:${r}`]));
    fs.rmSync(path.join(user.dir, "node_modules", "pulumi-openai-realtime"), { recursive: true });
    await emulator.reset();
    await user.pulumi("refresh", "--yes", "--skip-preview");
    written = byType(await user.resources(true));
    for (const r of Object.values(written)) expect(String(r.outputs.__provider).length, r.type).toBeLessThan(600);
    expect(written.ClientSecret?.outputs.expired).toBe(false);
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("under release 0.1.0 installed over it (a downgrade), replaces what that release cannot compare, re-minting and forgetting the originals, and destroys", async () => {
    await user.install(release, { keep: "machine" });
    await emulator.reset();
    // 0.1.0 compares an unkeyed sha256 of the session with `revision`, which
    // this build keys per resource: every resource differs to it.
    // The originals are deleted with the provider text this build stored,
    // which finds no `pulumi-openai-realtime/provider` in 0.1.0 and forgets
    // them offline (the API has no revoke), so the update completes.
    const up = await user.pulumi("up", "--yes", "--skip-preview");
    for (const [kind, name] of [["SessionTemplate", "concierge"], ["ClientSecret", "web"], ["TranslationClientSecret", "spanish"]]) {
      expect(up).toContain(`+- ${TOKEN}:${kind} ${name} replaced`);
    }
    expect(up).toMatch(/\+-3 replaced/);
    expect((await emulator.stats()).requests).toEqual({
      "POST /v1/realtime/client_secrets": 2,
      "POST /v1/realtime/translations/client_secrets": 1,
    });
    const all = await user.resources(true);
    // No original left pending deletion, nothing with empty outputs.
    expect(all.map((r) => r.type).sort()).toEqual(Object.values(written).map((r) => r.type).sort());
    const downgraded = byType(all);
    for (const [kind, r] of Object.entries(downgraded)) {
      expect(r.id, kind).not.toBe(written[kind]?.id);
      expect(String(r.outputs.__provider), kind).toContain("dist/provider/handlers.js");
    }
    expect(downgraded.SessionTemplate?.outputs).toMatchObject({ model: "gpt-realtime", revision: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const kind of ["ClientSecret", "TranslationClientSecret"]) {
      expect(downgraded[kind]?.outputs, kind).toMatchObject({ expiresAt: expect.any(Number), sessionId: downgraded[kind]?.id, expired: false });
      expect(downgraded[kind]?.outputs.value, kind).toBeDefined();
    }

    await emulator.reset();
    await user.pulumi("destroy", "--yes", "--skip-preview");
    expect(await user.resources()).toEqual([]);
    expect(await emulator.apiRequests()).toBe(0);
  });
});
