// A stack deployed with release 0.1.0 (commit f9bc9a9, built and packed
// here), upgraded to this build by `npm install` as a user would: the new
// provider previews it as a provider-only update, applies it without an API
// call keeping ids and tokens. A stack written by this build then refreshes
// and destroys with the package uninstalled. (Templates written by 0.1.0
// keep that release's serialized provider until replaced: it loads the
// handlers from `dist/`, which this build still ships.)
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
  let before: Record<string, Resources[number]> = {};

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    // Both are named pulumi-openai-realtime-0.1.0.tgz: one folder each.
    fs.mkdirSync(path.join(dest, "release"));
    fs.mkdirSync(path.join(dest, "current"));
    const [release, packed] = await Promise.all([
      packRelease(RELEASE_0_1_0, path.join(dest, "release")),
      pack(repoRoot, path.join(dest, "current")),
    ]);
    current = packed.tarball;
    user = new UserProject(
      { "Pulumi.yaml": "name: upgrade\nruntime: nodejs\n", "index.js": PROGRAM },
      { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: "sk-upgrade-test" },
    );
    await user.install(release);
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

  it("previews the release's state as an in-place update of the tokens only", async () => {
    await user.install(current);
    await emulator.reset();
    const preview = await user.pulumi("preview", "--diff");
    expect(preview).toContain(`~ ${TOKEN}:ClientSecret`);
    expect(preview).toContain(`~ ${TOKEN}:TranslationClientSecret`);
    expect(preview).not.toContain(`~ ${TOKEN}:SessionTemplate`);
    expect(preview).not.toMatch(/^\s*(\+-|\+|-|\+\+|--) pulumi-nodejs/m);
    expect(preview).not.toMatch(/to (replace|create|delete)/);
    expect(preview).toMatch(/~ 2 to update/);
    expect(await emulator.apiRequests()).toBe(0);
  });

  it("applies it without an API call, keeping ids and tokens, in the current state shape", async () => {
    await user.pulumi("up", "--yes", "--skip-preview");
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
      expect(String(after[kind]?.outputs.__provider).length, kind).toBeLessThan(520);
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
    const refused = await user.pulumi("preview").then(
      () => "",
      (err: Error) => err.message,
    );
    expect(refused).toMatch(
      /ClientSecret \S+ was written by a newer release of pulumi-openai-realtime \(state version 99; this release reads up to \d+\): upgrade the package/,
    );
    await expect(user.pulumi("up", "--yes", "--skip-preview")).rejects.toThrow(/newer release/);
    const after = await user.resources();
    expect(after.find((r) => r.type === `${TOKEN}:ClientSecret`)?.outputs.stateVersion).toBe(99);
    expect(await emulator.apiRequests()).toBe(0);
    // Back to this release's state for what follows.
    await user.pulumi("stack", "import", "--file", "current.json");
  });

  it("refreshes and destroys a stack it wrote with the package uninstalled, without API requests", async () => {
    await user.pulumi("destroy", "--yes", "--skip-preview");
    await user.pulumi("up", "--yes", "--skip-preview");
    for (const r of await user.resources()) expect(String(r.outputs.__provider).length, r.type).toBeLessThan(520);
    fs.rmSync(path.join(user.dir, "node_modules", "pulumi-openai-realtime"), { recursive: true });
    await emulator.reset();
    await user.pulumi("refresh", "--yes", "--skip-preview");
    const refreshed = byType(await user.resources());
    expect(refreshed.ClientSecret?.outputs.expired).toBe(false);
    await user.pulumi("destroy", "--yes", "--skip-preview");
    expect(await user.resources()).toEqual([]);
    expect(await emulator.apiRequests()).toBe(0);
  });
});
