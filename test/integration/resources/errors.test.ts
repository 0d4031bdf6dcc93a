// Bad input fails at preview naming the field, before any API request; an
// API error at create fails the update with the API's message and leaves
// nothing half-done; a retry once the fault clears succeeds.
import { beforeEach, describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-errors-test-key-a1f0";

function program(secretArgs: string): string {
  return `
import { ClientSecret } from "pulumi-openai-realtime";
const web = new ClientSecret("web", ${secretArgs});
export const expiresAt = web.expiresAt;
`;
}

describe("bad input and API errors", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);
  beforeEach(async () => {
    await stack.emulator.reset();
  });

  const cases: Array<[string, string, string]> = [
    [
      "expiresAfterSeconds below the minimum",
      `{ session: { type: "realtime", model: "gpt-realtime" }, expiresAfterSeconds: 5 }`,
      "Invalid 'expiresAfterSeconds': integer below minimum value. Expected a value >= 10, but got 5 instead.",
    ],
    [
      "a speed out of range",
      `{ session: { type: "realtime", model: "gpt-realtime", audio: { output: { speed: 9 } } } }`,
      "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead.",
    ],
    [
      "an unknown field",
      `{ session: { type: "realtime", model: "gpt-realtime", temprature: 0.5 } as any }`,
      "Unknown parameter: 'session.temprature'.",
    ],
    [
      "rotateBeforeSeconds not below expiresAfterSeconds",
      `{ session: { type: "realtime", model: "gpt-realtime" }, expiresAfterSeconds: 60, rotateBeforeSeconds: 60 }`,
      "Invalid 'rotateBeforeSeconds': 60 must be less than expiresAfterSeconds (60), or every update would re-mint the secret.",
    ],
  ];

  it.each(cases)("fails preview on %s, naming the field, with no API request", async (_name, args, message) => {
    stack.ws.write("index.ts", program(args));
    const preview = await stack.ws.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(message);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });

  it("fails the update with the API's message on a 400, leaving nothing in state", async () => {
    // Valid for our schema, refused by the API: the emulator only accepts
    // the key it was started with.
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    const up = await stack.ws.up({ OPENAI_API_KEY: "sk-wrong-key-for-this-emulator" });
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/creating ClientSecret: the OpenAI Realtime API answered 401 POST \/realtime\/client_secrets: /);
    expect(up.output).not.toContain("sk-wrong-key-for-this-emulator");
    const { resources } = await stack.ws.exportState();
    expect(resources.filter((r) => r.type.includes("openai-realtime"))).toEqual([]);
  });

  it("fails on injected server errors once retries are spent, then succeeds when they clear", async () => {
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    // The provider retries for minutes by default; two retries make "spent" quick to reach.
    await stack.ws.setConfig("openai-realtime:maxRetries", "2");
    // One attempt plus two retries, all refused.
    await stack.emulator.faults({ count: 3, statuses: [503] });
    const failed = await stack.ws.up();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("creating ClientSecret: the OpenAI Realtime API answered 503 POST /realtime/client_secrets");
    expect(failed.output).toContain("; gave up after 2 retries");
    expect((await stack.emulator.stats()).faults).toBe(3);

    const retried = await stack.ws.up();
    expect(retried.code, retried.output).toBe(0);
    const { resources } = await stack.ws.exportState();
    expect(resources.filter((r) => r.type.endsWith(":ClientSecret"))).toHaveLength(1);
  });

  it("rides out a transient 429 with the client's retries", async () => {
    await stack.ws.run(["destroy", "--yes"], { check: true });
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    await stack.emulator.faults({ count: 1, statuses: [429], retryAfterSeconds: 1 });
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect((await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"]).toBe(2);
  });
});

