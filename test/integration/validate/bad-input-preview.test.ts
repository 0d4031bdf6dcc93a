// The provider's check through the engine: `pulumi preview` of a resource with bad arguments
// fails naming the field, before any request reaches the API, and without a stack trace. Two
// kinds' providers show it here; that the check refuses every area of the sample (range, enum,
// unknown field, type, session type) naming its field is test/unit/provider/check-bad-input.test.ts's,
// which calls the same check the provider host runs.
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";
import { BAD_RESOURCE_ARGS } from "./bad-input-cases";
import { STACK_TRACE } from "./cli";

const SAMPLE = BAD_RESOURCE_ARGS.filter((c) => c.area === "range" || c.area === "unknown field");

describe("pulumi preview refuses bad input", { timeout: 600_000 }, () => {
  const stack = useStack("test/integration/validate/preview-stack", "sk-test-bad-input");

  it.each(SAMPLE.map((c) => [`${c.area}: ${c.kind} ${c.field}`, c] as const))("%s", async (_, c) => {
    await stack.ws.setConfig("kind", c.kind);
    await stack.ws.setConfig("args", JSON.stringify(c.args));
    const preview = await stack.ws.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(`'${c.field}'`);
    expect(preview.output).not.toMatch(STACK_TRACE);
    expect(await stack.emulator.apiRequests()).toBe(0);
  });
});
