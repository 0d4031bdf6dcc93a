// runCallStep on a scripted fetch: retries, lost answers and calls moved
// elsewhere, without a network.
import { describe, expect, it } from "vitest";
import { runCallStep } from "../../../src/calls/actions";
import { RealtimeClient } from "../../../src/client";
import type { FetchLike } from "../../../src/client/fetch-types";

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | "drop";

function clientWith(script: Scripted[]): { client: RealtimeClient; sent: string[] } {
  const sent: string[] = [];
  const fetch: FetchLike = async (url) => {
    sent.push(url);
    const next = script.shift() ?? { status: 200 };
    if (next === "drop") throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
    const headers = { "content-type": "application/json", ...next.headers };
    return {
      status: next.status,
      headers: { forEach: (cb: (v: string, k: string) => void) => Object.entries(headers).forEach(([k, v]) => cb(v, k)) },
      text: async () => (next.body === undefined ? "" : JSON.stringify(next.body)),
    };
  };
  return { client: new RealtimeClient({ apiKey: "sk-unit-test", baseURL: "http://127.0.0.1:9/v1", fetch }), sent };
}

const invalidState = (state: string) => ({
  status: 400,
  body: { error: { message: `Cannot accept call 'rtc_1': it is '${state}', and accept needs 'incoming'.`, type: "invalid_request_error", param: null, code: "invalid_call_state" } },
});
const noWait = { sleep: async () => undefined };
const accept = { action: "accept", session: { type: "realtime", model: "gpt-realtime" } } as const;

describe("runCallStep", () => {
  it("retries 429 and 5xx, then succeeds once", async () => {
    const { client, sent } = clientWith([{ status: 429, headers: { "retry-after-ms": "1" } }, { status: 503 }, { status: 200 }]);
    expect(await runCallStep(client, "rtc_1", { action: "reject", statusCode: 486 }, noWait)).toEqual({ outcome: "ok", attempts: 3 });
    expect(sent).toHaveLength(3);
  });

  it("counts a retry that finds the call already accepted as done", async () => {
    const { client } = clientWith(["drop", invalidState("accepted")]);
    expect(await runCallStep(client, "rtc_1", accept, noWait)).toEqual({ outcome: "already_done", attempts: 2 });
  });

  it("fails when the call moved somewhere else", async () => {
    const { client } = clientWith(["drop", invalidState("ended")]);
    const result = await runCallStep(client, "rtc_1", accept, noWait);
    expect(result).toMatchObject({ outcome: "failed", attempts: 2 });
    expect(result.error).toContain("it is 'ended'");
  });

  it("does not retry a request the API refuses, and stops at maxRetries", async () => {
    const refused = clientWith([{ status: 404, body: { error: { message: "Call 'rtc_1' not found.", type: "invalid_request_error", code: "not_found" } } }]);
    expect(await runCallStep(refused.client, "rtc_1", { action: "hangup" }, noWait)).toMatchObject({ outcome: "failed", attempts: 1 });
    const down = clientWith(["drop", "drop", "drop"]);
    const result = await runCallStep(down.client, "rtc_1", { action: "hangup" }, { ...noWait, maxRetries: 2 });
    expect(result).toMatchObject({ outcome: "failed", attempts: 3 });
    expect(result.error).not.toContain("sk-unit-test");
  });
});
