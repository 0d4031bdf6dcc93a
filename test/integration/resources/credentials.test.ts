// Where the provider takes its API key and base URL from: stack config
// (the key as a secret) before the environment; and what happens without one.
import { beforeAll, describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const CONFIG_KEY = "sk-config-only-key-9e3a55";

const PROGRAM = `
import { ClientSecret } from "pulumi-openai-realtime";
const web = new ClientSecret("web", { session: { type: "realtime", model: "gpt-realtime" } });
export const sessionId = web.sessionId;
`;

describe("credentials", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", CONFIG_KEY, { env: { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined } });
  beforeAll(() => stack.ws.write("index.ts", PROGRAM));

  it("names both ways to give a key when there is none", async () => {
    await stack.ws.setConfig("openai-realtime:baseUrl", stack.emulator.url);
    const up = await stack.ws.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toContain(
      "creating ClientSecret: no OpenAI API key: set the secret stack config openai-realtime:apiKey " +
        "(pulumi config set --secret openai-realtime:apiKey <key>) or the OPENAI_API_KEY environment variable",
    );
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("uses openai-realtime:apiKey and openai-realtime:baseUrl from stack config, and never stores the key", async () => {
    await stack.ws.setConfig("openai-realtime:apiKey", CONFIG_KEY, true);
    const up = await stack.ws.up({ OPENAI_API_KEY: "sk-env-key-must-lose-to-config" });
    expect(up.code, up.output).toBe(0);
    expect(up.output).not.toContain(CONFIG_KEY);
    const { raw } = await stack.ws.exportState();
    expect(raw).not.toContain(CONFIG_KEY);
    expect(raw).not.toContain("sk-env-key-must-lose-to-config");
    // The engine keeps the stack config as the default dynamic provider's
    // inputs: the key is there only as a secret, encrypted.
    const { resources } = await stack.ws.exportState();
    const provider = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    expect(provider?.inputs?.["openai-realtime:apiKey"]).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: expect.any(String),
    });
    expect((await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"]).toBe(1);
  });
});
