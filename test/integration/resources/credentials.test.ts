// Where the provider takes its API key, base URL, organization and project
// from: stack config (the key only as a secret) before the environment; what
// happens with a plaintext key (without any key, create's error is unit
// tested in test/unit/provider/create-errors.test.ts); and that where a token was
// minted is part of its identity, and that a replace is explained only by
// what is known to have changed. Every stack here points at a local
// emulator through openai-realtime:baseUrl before any test runs, so no test
// can reach a real API whatever order it runs in.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { useStack } from "../../helpers/stack";

const CONFIG_KEY = "sk-config-only-key-9e3a55";
const OTHER_KEY = "sk-second-project-key-0c7d41";
const CLIENT_SECRET = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";

const PROGRAM = `
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";
const web = new ClientSecret("web", { session: { type: "realtime", model: "gpt-realtime" } });
// A token of a template: when the template is replaced, the preview does not
// know its session yet.
const concierge = new SessionTemplate("concierge", { session: { type: "realtime", model: "gpt-realtime" } });
const desk = new ClientSecret("desk", { session: concierge.session });
export const sessionId = web.sessionId;
`;

describe("credentials", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", CONFIG_KEY, {
    env: { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_ORG_ID: undefined, OPENAI_PROJECT_ID: undefined },
  });
  // A second local API: the environment points here, so a request that
  // reaches it proves the environment won over the stack config.
  let decoy: TestEmulator;
  beforeAll(async () => {
    decoy = await TestEmulator.start({});
    stack.ws.write("index.ts", PROGRAM);
    await stack.ws.setConfig("openai-realtime:baseUrl", stack.emulator.url);
  });
  afterAll(async () => {
    await decoy?.close();
  });

  const secretState = async () => (await stack.ws.exportState()).resources.find((r) => r.type === CLIENT_SECRET && r.urn.endsWith("::web"));

  it("refuses a plaintext openai-realtime:apiKey at preview with the command that fixes it, never printing the key", async () => {
    await stack.ws.setConfig("openai-realtime:apiKey", CONFIG_KEY);
    const preview = await stack.ws.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      "openai-realtime:apiKey is stored in plaintext in this stack's config. Store it encrypted: " +
        "pulumi config set --secret openai-realtime:apiKey <key> (and rotate the key if the file was shared), " +
        "or use the OPENAI_API_KEY environment variable.",
    );
    expect(preview.output).not.toContain(CONFIG_KEY);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("uses openai-realtime:apiKey and baseUrl from stack config over the environment, and never stores the key", async () => {
    await stack.ws.setConfig("openai-realtime:apiKey", CONFIG_KEY, true);
    const up = await stack.ws.up({ OPENAI_API_KEY: "sk-env-key-must-lose-to-config", OPENAI_BASE_URL: decoy.url });
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toContain(CONFIG_KEY);
    const { raw, resources } = await stack.ws.exportState();
    expect(raw).not.toContain(CONFIG_KEY);
    expect(raw).not.toContain("sk-env-key-must-lose-to-config");
    // The engine keeps the stack config as the default dynamic provider's
    // inputs: the key is there only as a secret, encrypted.
    const provider = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    expect(provider?.inputs?.["openai-realtime:apiKey"]).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: expect.any(String),
    });
    // web, the template's probe and desk.
    expect((await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"]).toBe(3);
    expect(await decoy.apiRequests()).toBe(0);
    const secret = await secretState();
    expect(secret?.outputs).toMatchObject({
      apiOrigin: stack.emulator.url,
      keyFingerprint: expect.stringMatching(/^hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}$/),
    });
    // Unset organization and project are left out rather than stored as
    // null, and the identity is stored once, in the outputs, not as inputs.
    expect(Object.keys(secret?.outputs ?? {})).not.toEqual(expect.arrayContaining(["organization"]));
    expect(Object.keys(secret?.outputs ?? {})).not.toEqual(expect.arrayContaining(["project"]));
    expect(Object.keys(secret?.inputs ?? {}).sort()).toEqual(["__provider", "expiresAfterSeconds", "rotateBeforeSeconds", "session"]);
    // The resource still records the program line that declared it (the
    // package skips only the SDK's debug-only promise stacks while it registers).
    const position = /^project:\/\/\/index\.js#(\d+),\d+$/.exec(String((secret as { sourcePosition?: unknown } | undefined)?.sourcePosition));
    expect(position, "sourcePosition").not.toBeNull();
    const line = fs.readFileSync(path.join(stack.ws.dir, "index.js"), "utf8").split("\n")[Number(position?.[1]) - 1];
    expect(line).toContain("ClientSecret(");
  });

  it("replaces a token when the organization or project changes, taking them from stack config", async () => {
    await stack.ws.setConfig("openai-realtime:organization", "org_config");
    await stack.emulator.reset();
    const preview = await stack.ws.preview([], { OPENAI_ORG_ID: "org_env_loses", OPENAI_PROJECT_ID: "proj_env" });
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toMatch(
      /ClientSecret sess_\w+ is replaced: minted with another identity \(organization null -> "org_config", project null -> "proj_env"\)/,
    );
    // The template is replaced, so desk's session is unknown in the preview:
    // desk is replaced for its identity, and no reason claims its session
    // changed (re-minted, the template's session is the same).
    const tokensReplaced = new Set([...preview.output.matchAll(/(ClientSecret \S+) is replaced: minted with another identity/g)].map((m) => m[1]));
    expect(tokensReplaced.size).toBe(2);
    expect(preview.output).toMatch(/SessionTemplate \S+ is replaced: minted with another identity/);
    expect(preview.output).not.toContain("is replaced: session changed");
    expect(await stack.emulator.apiRequests()).toBe(0);
    const up = await stack.ws.up({ OPENAI_PROJECT_ID: "proj_env" });
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toContain("is replaced: session changed");
    expect((await secretState())?.outputs).toMatchObject({ organization: "org_config", project: "proj_env" });
  });

  it("replaces a token minted at another API base URL or with another key, showing fingerprints, never keys", async () => {
    const before = (await secretState())?.outputs?.keyFingerprint;
    await stack.ws.setConfig("openai-realtime:baseUrl", decoy.url);
    await stack.ws.setConfig("openai-realtime:apiKey", OTHER_KEY, true);
    const preview = await stack.ws.preview([], { OPENAI_PROJECT_ID: "proj_env" });
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toContain(`API base URL "${stack.emulator.url}" -> "${decoy.url}"`);
    expect(preview.output).toMatch(new RegExp(`API key "${before}" -> "hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}"`));
    expect(preview.output).not.toContain(OTHER_KEY);
    expect(preview.output).not.toContain(CONFIG_KEY);

    const up = await stack.ws.up({ OPENAI_PROJECT_ID: "proj_env" });
    expect(up.code, up.output).toBe(0);
    expect(await decoy.apiRequests()).toBe(3);
    expect((await secretState())?.outputs?.apiOrigin).toBe(decoy.url);
  });
});
