// The provider's create against a real emulator, where the API refuses: the
// error names the operation, status, method and path, and never carries a
// key, whether the caller's or one the API quotes back; and without any key,
// create names both ways to give one before any request. How such an error
// fails `pulumi up` and leaves nothing in state is the engine's part,
// proven once in test/integration/resources/errors.test.ts (the 400), and
// where the key comes from (stack config over the environment) is
// test/integration/resources/credentials.test.ts's.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { configure, create } from "../../../src/provider/handlers";
import { TestEmulator } from "../../helpers/emulator";

const API_KEY = "sk-create-errors-unit-key-7c1d";
const SESSION = { type: "realtime", model: "gpt-realtime" };
let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await TestEmulator.start({ apiKey: API_KEY });
});
afterAll(() => emulator.close());

/** The provider configured from stack config alone, over an empty environment. */
function useConfig(values: Record<string, string>): void {
  for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"]) vi.stubEnv(name, undefined);
  configure({ get: (key: string) => values[key] });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("create succeeded where the API should have refused");
}

describe("create, refused by the API", () => {
  beforeEach(async () => {
    await emulator.reset();
    return () => {
      vi.unstubAllEnvs();
      configure(undefined);
    };
  });

  it("fails on a refused key with the API's 401, never echoing the key", async () => {
    const wrong = "sk-wrong-key-for-this-emulator";
    useConfig({ "openai-realtime:apiKey": wrong, "openai-realtime:baseUrl": emulator.url });
    const message = await failure(create("ClientSecret", { session: SESSION }));
    expect(message).toMatch(/^creating ClientSecret: the OpenAI Realtime API answered 401 POST \/realtime\/client_secrets: /);
    expect(message).not.toContain(wrong);
    expect((await emulator.requests()).map((r) => r.status)).toEqual([401]);
  });

  it("redacts a secret-shaped text the API quotes back", async () => {
    // The API quotes the path it could not route; this one carries a key-shaped segment.
    const leaky = `${emulator.url}/sk-leaked-in-path-0a1b2c3d`;
    useConfig({ "openai-realtime:apiKey": API_KEY, "openai-realtime:baseUrl": leaky });
    const message = await failure(create("ClientSecret", { session: SESSION }));
    expect(message).toContain("creating ClientSecret: the OpenAI Realtime API answered 404 POST /realtime/client_secrets");
    expect(message).toContain("sk-[REDACTED]");
    expect(message).not.toContain("sk-leaked-in-path-0a1b2c3d");
    const recorded = await emulator.requests();
    expect(recorded.map((r) => [r.path, r.status])).toEqual([["/v1/sk-leaked-in-path-0a1b2c3d/realtime/client_secrets", 404]]);
  });

  it("fails without a key in stack config or the environment, naming both ways to give one, before any request", async () => {
    useConfig({ "openai-realtime:baseUrl": emulator.url });
    const message = await failure(create("ClientSecret", { session: SESSION }));
    expect(message).toBe(
      "creating ClientSecret: no OpenAI API key: set the secret stack config openai-realtime:apiKey " +
        "(pulumi config set --secret openai-realtime:apiKey <key>) or the OPENAI_API_KEY environment variable",
    );
    expect(await emulator.requests()).toEqual([]);
  });

  it("mints once the key and base URL are right (the same calls, so the refusals above were the API's)", async () => {
    useConfig({ "openai-realtime:apiKey": API_KEY, "openai-realtime:baseUrl": emulator.url });
    const { outs } = await create("ClientSecret", { session: SESSION });
    expect(outs.value).toMatch(/^ek_/);
    expect((await emulator.requests()).map((r) => r.status)).toEqual([200]);
  });
});
