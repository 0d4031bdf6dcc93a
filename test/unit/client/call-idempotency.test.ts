// Call actions never act twice: a retry refused because an earlier attempt already moved the call
// counts as success, against the emulator's real call state machine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError, RealtimeClient, type ClientOptions, type FetchLike } from "../../../src/client";
import { alreadyInState } from "../../../src/client/call-idempotency";
import { APIError } from "../../../src/client/errors/api-error";
import { TestEmulator } from "../../helpers/emulator";

const KEY = "sk-test-idempotency";
const SESSION = { type: "realtime", model: "gpt-realtime" } as const;
let emulator: TestEmulator;
let admin: string;

beforeAll(async () => {
  emulator = await TestEmulator.start({ apiKey: KEY });
  admin = `${new URL(emulator.url).origin}/_emulator`;
});
afterAll(() => emulator.close());

async function incomingCall(): Promise<string> {
  const res = await fetch(`${admin}/calls/incoming`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sip_headers: [{ name: "From", value: "sip:+14155550100@example.com" }] }),
  });
  return ((await res.json()) as { call_id: string }).call_id;
}

async function callStatus(id: string): Promise<string> {
  const res = await fetch(`${admin}/calls/${id}`);
  return ((await res.json()) as { status: string }).status;
}

/**
 * Real fetch, except the first answer is lost after the emulator acted on the request: the client
 * sees a reset connection, as after a network blip on the way back.
 */
function loseFirstAnswer(): { fetch: FetchLike; sent: () => number } {
  let sent = 0;
  const fetch: FetchLike = async (url, init) => {
    sent++;
    const res = await globalThis.fetch(url, init);
    if (sent > 1) return res;
    await res.text();
    throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
  };
  return { fetch, sent: () => sent };
}

function client(options: ClientOptions): RealtimeClient {
  return new RealtimeClient({ apiKey: KEY, baseURL: emulator.url, sleep: async () => {}, ...options });
}

describe("call actions whose first answer was lost", () => {
  const cases = [
    { action: "accept", run: (c: RealtimeClient, id: string) => c.calls.accept(id, SESSION), status: "accepted" },
    { action: "reject", run: (c: RealtimeClient, id: string) => c.calls.reject(id, { status_code: 486 }), status: "rejected" },
    { action: "hangup", run: (c: RealtimeClient, id: string) => c.calls.hangup(id), status: "ended" },
    {
      action: "refer",
      run: async (c: RealtimeClient, id: string) => {
        await c.calls.accept(id, SESSION);
        await c.calls.refer(id, { target_uri: "tel:+14155550123" });
      },
      status: "referred",
    },
  ] as const;
  for (const { action, run, status } of cases) {
    it(`${action}: the retry finds the call ${status} and resolves; the API acted once`, async () => {
      const id = await incomingCall();
      const lossy = loseFirstAnswer();
      await expect(run(client({ fetch: lossy.fetch }), id)).resolves.toBeUndefined();
      expect(await callStatus(id)).toBe(status);
      expect(lossy.sent()).toBe(action === "refer" ? 3 : 2);
    });
  }

  it("a retry that finds the call in another state still fails, naming that state", async () => {
    const id = await incomingCall();
    await client({}).calls.reject(id);
    const lossy = loseFirstAnswer();
    // The lost first answer was itself a refusal; the retry gets the same one.
    const err = await client({ fetch: lossy.fetch }).calls.accept(id, SESSION).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).code).toBe("invalid_call_state");
    expect((err as Error).message).toMatch(/^400 POST \/realtime\/calls\/rtc_\w+\/accept: Cannot accept call '\w+': it is 'rejected'/);
  });

  it("without an earlier attempt that may have acted, a repeated action is refused", async () => {
    const id = await incomingCall();
    const c = client({});
    await c.calls.accept(id, SESSION);
    await expect(c.calls.accept(id, SESSION)).rejects.toMatchObject({ status: 400, code: "invalid_call_state" });
  });

  it("an attempt that timed out but acted later: the retry resolves", async () => {
    const id = await incomingCall();
    await emulator.faults({ statuses: [], latencyMs: 400 });
    let sleeps = 0;
    const c = client({
      timeout: 150,
      sleep: async () => {
        sleeps++;
        // The emulator finishes the first accept after the client gave up on it.
        await emulator.faults({ statuses: [], latencyMs: 0 });
        while ((await callStatus(id)) !== "accepted") await new Promise((r) => setTimeout(r, 20));
      },
    });
    try {
      await expect(c.calls.accept(id, SESSION)).resolves.toBeUndefined();
    } finally {
      await emulator.faults({});
    }
    expect(sleeps).toBe(1);
    expect(await callStatus(id)).toBe("accepted");
  });
});

describe("alreadyInState", () => {
  const refusal = (message: string, code: string | null = "invalid_call_state", status = 400) =>
    new APIError({ status, method: "POST", path: "/realtime/calls/x/accept", headers: {}, error: { message, code } });
  it("reads the state the API names", () => {
    expect(alreadyInState("accept", refusal("Cannot accept call 'x': it is 'accepted', and accept needs 'incoming'."))).toBe(true);
    expect(alreadyInState("hangup", refusal("Cannot hangup call 'x': it is 'ended', and ..."))).toBe(true);
    expect(alreadyInState("accept", refusal("Cannot accept call 'x': it is 'rejected', and ..."))).toBe(false);
  });
  it("anything else stands: no state named, another code, another status", () => {
    expect(alreadyInState("accept", refusal("The call is not in a state that allows this."))).toBe(false);
    expect(alreadyInState("accept", refusal("it is 'accepted'", "invalid_value"))).toBe(false);
    expect(alreadyInState("accept", refusal("it is 'accepted'", "invalid_call_state", 409))).toBe(false);
  });
});
