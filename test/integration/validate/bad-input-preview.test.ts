// A sample of the bad-input table at `pulumi preview`: the provider's check refuses each with the
// field named, before any request reaches the API, and without a stack trace.
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";
import { STACK_TRACE } from "./cli";

const realtime = { type: "realtime", model: "gpt-realtime" };

const CASES = [
  { area: "range", kind: "SessionTemplate", args: { session: { ...realtime, audio: { output: { speed: 3 } } } }, field: "session.audio.output.speed" },
  { area: "enum", kind: "SessionTemplate", args: { session: { type: "chat" } }, field: "session.type" },
  { area: "unknown field", kind: "ClientSecret", args: { session: { ...realtime, temperature: 0.8 } }, field: "session.temperature" },
  { area: "type", kind: "ClientSecret", args: { session: realtime, expiresAfterSeconds: "ten" }, field: "expiresAfterSeconds" },
  { area: "session type", kind: "TranscriptionSession", args: { session: { type: "transcription", model: "gpt-realtime" } }, field: "session.type" },
] as const;

describe("pulumi preview refuses bad input", { timeout: 600_000 }, () => {
  const stack = useStack("test/integration/validate/preview-stack", "sk-test-bad-input");

  it.each(CASES.map((c) => [`${c.area}: ${c.kind} ${c.field}`, c] as const))("%s", async (_, c) => {
    await stack.ws.setConfig("kind", c.kind);
    await stack.ws.setConfig("args", JSON.stringify(c.args));
    const preview = await stack.ws.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(`'${c.field}'`);
    expect(preview.output).not.toMatch(STACK_TRACE);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });
});
