// Bad input fails at preview naming the field, before any API request; an
// API error at create fails the update with the API's message and leaves
// nothing half-done; a retry once the fault clears succeeds. What the
// provider decides alone is proven by unit tests of its handlers: the rule
// between two fields (rotateBeforeSeconds) by check
// (test/unit/provider/check-bad-input.test.ts), a refused key's 401 and a
// quoted key redacted by create against the emulator
// (test/unit/provider/create-errors.test.ts); the engine runs here carry
// those errors along the same path as the 400 below.
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

  // The engine stops a preview at the first resource that fails its checks,
  // so one secret carries three bad fields, each of which must be named.
  const MIXED = `{ session: { type: "realtime", model: "gpt-realtime", temprature: 0.5, audio: { output: { speed: 9 } } } as any, expiresAfterSeconds: 5 }`;
  const cases: Array<[string, string, string]> = [
    [
      "expiresAfterSeconds below the minimum",
      MIXED,
      "Invalid 'expiresAfterSeconds': integer below minimum value. Expected a value >= 10, but got 5 instead.",
    ],
    [
      "a speed out of range",
      MIXED,
      "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead.",
    ],
    ["an unknown field", MIXED, "Unknown parameter: 'session.temprature'."],
  ];

  // One preview per program, shared by the cases that use it.
  const previews = new Map<string, Promise<{ output: string; code: number; requests: number }>>();
  const previewOf = (args: string) => {
    if (!previews.has(args)) {
      previews.set(
        args,
        (async () => {
          stack.ws.write("index.ts", program(args));
          await stack.emulator.reset();
          const preview = await stack.ws.preview();
          return { ...preview, requests: await stack.emulator.apiRequests() };
        })(),
      );
    }
    return previews.get(args)!;
  };

  it.each(cases)("fails preview on %s, naming the field, with no API request", async (_name, args, message) => {
    const preview = await previewOf(args);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(message);
    expect(preview.requests).toBe(0);
  });

  it("fails the update on a 400 with the API's message, param, code and request id, leaving nothing in state", async () => {
    // Valid for the schema, refused by the API's own rule: gpt-realtime-whisper
    // transcribes without turn detection. (That it passes the provider's
    // checks shows in the request the API refused.)
    stack.ws.write(
      "index.ts",
      program(`{ session: { type: "transcription", audio: { input: { transcription: { model: "gpt-realtime-whisper" }, turn_detection: { type: "server_vad" } } } } }`),
    );
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

  it("fails on injected server errors once retries are spent, then succeeds when they clear, riding out a transient 429 with the client's retries", async () => {
    stack.ws.write("index.ts", program(`{ session: { type: "realtime", model: "gpt-realtime" } }`));
    // The provider retries for minutes by default; two retries keep this short.
    // One attempt plus two retries, all refused.
    await stack.ws.setConfig("openai-realtime:maxRetries", "2");
    await stack.emulator.faults({ count: 3, statuses: [503] });
    const failed = await stack.ws.up();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("creating ClientSecret: the OpenAI Realtime API answered 503 POST /realtime/client_secrets");
    expect((await stack.emulator.stats()).faults).toBe(3);

    // The 503s have cleared; one 429 is left, which the client's retries ride out.
    await stack.emulator.reset();
    await stack.emulator.faults({ count: 1, statuses: [429], retryAfterSeconds: 1 });
    const retried = await stack.ws.up();
    expect(retried.code, retried.output).toBe(0);
    const stats = await stack.emulator.stats();
    expect(stats.faults).toBe(1);
    expect(stats.requests["POST /v1/realtime/client_secrets"]).toBe(2);
    const { resources } = await stack.ws.exportState();
    expect(resources.filter((r) => r.type.endsWith(":ClientSecret"))).toHaveLength(1);
  });
});
