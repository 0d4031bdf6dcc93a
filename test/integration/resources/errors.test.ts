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

  it("fails the update on a 400 with the API's message, param, code and request id, leaving nothing in state", async () => {
    // Valid for the schema, refused by the API's own rule: gpt-realtime-whisper
    // transcribes without turn detection.
    stack.ws.write(
      "index.ts",
      program(`{ session: { type: "transcription", audio: { input: { transcription: { model: "gpt-realtime-whisper" }, turn_detection: { type: "server_vad" } } } } }`),
    );
    const preview = await stack.ws.preview();
    expect(preview.code, preview.output).toBe(0);
    const up = await stack.ws.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(
      new RegExp(
        "creating ClientSecret: the OpenAI Realtime API answered 400 POST /realtime/client_secrets: " +
          "Invalid 'session\\.audio\\.input\\.turn_detection': turn detection must be null for gpt-realtime-whisper\\. " +
          "\\(param: session\\.audio\\.input\\.turn_detection, code: invalid_value, request id: req_[0-9a-f]{32}\\)",
      ),
    );
    const requestId = /request id: (req_[0-9a-f]{32})/.exec(up.output)?.[1];
    const recorded = await stack.emulator.requests();
    expect(recorded.map((r) => r.status)).toEqual([400]);
    expect((recorded[0] as unknown as { id: string }).id).toBe(requestId);
    const { resources } = await stack.ws.exportState();
    expect(resources.filter((r) => r.type.includes("openai-realtime"))).toEqual([]);
  });

  it("fails on a refused key with the API's 401, never echoing the key", async () => {
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    const up = await stack.ws.up({ OPENAI_API_KEY: "sk-wrong-key-for-this-emulator" });
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/creating ClientSecret: the OpenAI Realtime API answered 401 POST \/realtime\/client_secrets: /);
    expect(up.output).not.toContain("sk-wrong-key-for-this-emulator");
  });

  it("redacts a secret-shaped text the API quotes back, in the provider before the engine shows it", async () => {
    // The API quotes the path it could not route; this one carries a key-shaped segment.
    const leaky = `${stack.emulator.url}/sk-leaked-in-path-0a1b2c3d`;
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    const up = await stack.ws.up({ OPENAI_BASE_URL: leaky });
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("creating ClientSecret: the OpenAI Realtime API answered 404 POST /realtime/client_secrets");
    expect(up.output).toContain("sk-[REDACTED]");
    expect(up.output).not.toContain("sk-leaked-in-path-0a1b2c3d");
    const recorded = await stack.emulator.requests();
    expect(recorded.map((r) => [r.path, r.status])).toEqual([["/v1/sk-leaked-in-path-0a1b2c3d/realtime/client_secrets", 404]]);
  });

  it("fails on injected server errors once retries are spent, then succeeds when they clear", async () => {
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    // The provider retries for minutes by default; two retries keep this short.
    // One attempt plus two retries, all refused.
    await stack.ws.setConfig("openai-realtime:maxRetries", "2");
    await stack.emulator.faults({ count: 3, statuses: [503] });
    const failed = await stack.ws.up();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("creating ClientSecret: the OpenAI Realtime API answered 503 POST /realtime/client_secrets");
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

