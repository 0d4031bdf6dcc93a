// Where the provider host finds the package. A program may load it by
// absolute path (a monorepo, a vendored copy), so that the provider host,
// which resolves `pulumi-openai-realtime/provider` from the project folder,
// would not find it there: the serialized provider then loads the copy the
// program loaded. A provider host that finds no copy fails loudly, naming the
// module, the folder and the fix, and never writes empty outputs. The
// program also holds a token inside a protected component: past its expiry
// (on the test clock) it is kept with a warning, as documented for an
// inherited \`protect\`, instead of failing the update.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestClock } from "../../helpers/clock";
import { TestEmulator } from "../../helpers/emulator";
import { pack, UserProject } from "./packed";

const TOKEN = "pulumi-nodejs:dynamic/openai-realtime";
// `stack export --show-secrets` writes a secret as {<sig>: ..., plaintext: <JSON text>}.
const plain = (value: unknown): unknown =>
  value !== null && typeof value === "object" && "plaintext" in value ? JSON.parse(String(value.plaintext)) : value;

const program = (entry: string, instructions: string) => `
const pulumi = require("@pulumi/pulumi");
const { ClientSecret } = require(${JSON.stringify(entry)});
const web = new ClientSecret("web", {
  session: { type: "realtime", model: "gpt-realtime", instructions: ${JSON.stringify(instructions)} },
  expiresAfterSeconds: 3600,
});
// protect inherited from a component: the token's onExpiry defaults to "keep".
const box = new pulumi.ComponentResource("test:index:Box", "box", {}, { protect: true });
const boxed = new ClientSecret("boxed", { session: { type: "realtime", model: "gpt-realtime", instructions: "Boxed." }, expiresAfterSeconds: 600 }, { parent: box });
exports.sessionId = web.sessionId;
`;
const named = (resources: Awaited<ReturnType<UserProject["resources"]>>, name: string) => resources.find((r) => r.urn.endsWith(`::${name}`));

describe("a program that loads the package by absolute path", { timeout: 600_000 }, () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "por-loadpath-"));
  const clock = new TestClock();
  let emulator: TestEmulator;
  let user: UserProject;
  let vendored = "";

  beforeAll(async () => {
    emulator = await TestEmulator.start({ now: clock.now });
    const packed = await pack(repoRoot, dest);
    user = new UserProject({ "Pulumi.yaml": "name: loadpath\nruntime: nodejs\n" }, { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: "sk-loadpath-test" });
    await user.install(packed.tarball);
    // Moved out of node_modules, as a monorepo keeps it beside the program;
    // its dependencies still resolve from the project's node_modules.
    vendored = path.join(user.dir, "vendor", "pulumi-openai-realtime");
    fs.mkdirSync(path.dirname(vendored));
    fs.renameSync(path.join(user.dir, "node_modules", "pulumi-openai-realtime"), vendored);
    fs.writeFileSync(path.join(user.dir, "index.js"), program(path.join(vendored, "dist", "index.js"), "One."));
    await user.pulumi("stack", "init", "dev");
    await user.pulumiWith(clock.env(), "up", "--yes", "--skip-preview");
  }, 600_000);

  afterAll(async () => {
    user?.remove();
    await emulator?.close();
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it("validates, diffs and keeps outputs with the copy the program loaded; keeps the expired token of a protected component", async () => {
    const first = await user.resources(true);
    const minted = named(first, "web");
    const boxed = named(first, "boxed");
    expect(plain(minted?.outputs.value)).toMatch(/^ek_/);
    expect(minted?.outputs.sessionId).toEqual(expect.any(String));
    expect(typeof minted?.outputs.expiresAt).toBe("number");
    expect(boxed?.outputs).toMatchObject({ expiresAt: clock.seconds + 600 });

    // An edit of the session is a replace (not an in-place update of nothing),
    // at a moment when the protected component's token has expired.
    clock.set(clock.seconds + 600);
    fs.writeFileSync(path.join(user.dir, "index.js"), program(path.join(vendored, "dist", "index.js"), "Two."));
    // (One update: its steps are the plan a preview would show; the same
    // warning at preview is the rotation test's.)
    const up = await user.pulumiWith(clock.env(), "up", "--yes", "--skip-preview");
    expect(up).toContain(`+- ${TOKEN}:ClientSecret web replaced`);
    expect(up).toMatch(/\+-1 replaced/);
    expect(up).toContain(`ClientSecret ${String(boxed?.outputs.sessionId)} expired at `);
    expect(up).toContain('it is kept (onExpiry "keep", the default under `protect`)');
    expect(up).not.toContain("marked for protection");
    expect(up).not.toContain("boxed replaced");
    const second = await user.resources(true);
    expect(named(second, "boxed")?.outputs).toEqual(boxed?.outputs);
    const replaced = named(second, "web");
    expect(plain(replaced?.outputs.value)).toMatch(/^ek_/);
    expect(plain(replaced?.outputs.value)).not.toBe(plain(minted?.outputs.value));
    expect(replaced?.outputs.sessionId).not.toBe(minted?.outputs.sessionId);

    // Validation runs: a bad argument is refused at preview.
    fs.writeFileSync(
      path.join(user.dir, "index.js"),
      program(path.join(vendored, "dist", "index.js"), "Two.").replace("expiresAfterSeconds: 3600", "expiresAfterSeconds: 5"),
    );
    await expect(user.pulumiWith(clock.env(), "preview")).rejects.toThrow(/expiresAfterSeconds/);
  });

  it("with no copy the provider host can load, fails every step but refresh and destroy, naming the module and folder, and keeps state", async () => {
    const before = await user.resources(true);
    // The program's copy is gone (a build output deleted, a checkout moved); the
    // program now loads another copy of the package whose serialized
    // provider names only the package (the text a normal install writes).
    const copy = path.join(user.dir, "elsewhere", "pulumi-openai-realtime");
    fs.mkdirSync(path.dirname(copy));
    fs.renameSync(vendored, copy);
    const serialized = path.join(copy, "dist", "provider", "serialized.js");
    fs.writeFileSync(serialized, fs.readFileSync(serialized, "utf8").replace(/function entryLocation\(\) \{/, "function entryLocation() { return undefined;"));
    fs.writeFileSync(path.join(user.dir, "index.js"), program(path.join(copy, "dist", "index.js"), "Three."));
    const failed = await user.pulumi("up", "--yes", "--skip-preview").then(
      () => "",
      (err: Error) => err.message,
    );
    expect(failed).toContain("cannot load pulumi-openai-realtime/provider");
    expect(failed).toContain(`from ${fs.realpathSync(user.dir)}`);
    expect(failed).toContain("npm install pulumi-openai-realtime");
    expect(await user.resources(true)).toEqual(before);

    // Refresh and destroy still work without the package (the protected
    // component and its token stay, as protect asks).
    await user.pulumi("refresh", "--yes", "--skip-preview");
    await user.pulumi("destroy", "--yes", "--skip-preview", "--exclude-protected");
    expect((await user.resources()).map((r) => r.urn.split("::").pop())).toEqual(["boxed"]);
  });
});
