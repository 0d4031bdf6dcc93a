// The nine Realtime endpoints against the live API, each guess of the
// emulator checked: the same probe runs on a local emulator and on the API,
// and the two observations must agree. Every result, agreed or not, is
// written to test/live/results.json (or OPENAI_LIVE_RESULTS).
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealtimeClient } from "../../src/client";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { LIVE, LIVE_BASE_URL } from "./live-env";
import { GUESSES, type Target } from "./probes";

const EMULATOR_KEY = "sk-live-comparison-emulator-key";
const WRONG_KEY = "sk-live-wrong-key-000000000000";
const RESULTS = process.env.OPENAI_LIVE_RESULTS || path.join(__dirname, "results.json");

function target(apiKey: string, baseURL: string): Target {
  return {
    client: new RealtimeClient({ apiKey, baseURL, maxRetries: 2 }),
    unchecked: new RealtimeClient({ apiKey, baseURL, maxRetries: 2, validateRequests: false }),
    wrongKey: new RealtimeClient({ apiKey: WRONG_KEY, baseURL, maxRetries: 0 }),
  };
}

/** An observation, or the error that prevented it (as data, so both sides compare). */
async function observe(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (err) {
    return { threw: err instanceof Error ? err.name : String(err) };
  }
}

interface Result {
  id: string;
  claim: string;
  emulator: unknown;
  live: unknown;
  agreed: boolean;
}

describe.skipIf(!LIVE)("the live API agrees with the emulator's guesses", { timeout: 120_000 }, () => {
  let emulator: RunningEmulator;
  let emulated: Target;
  let live: Target;
  const results: Result[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, apiKey: EMULATOR_KEY });
    emulated = target(EMULATOR_KEY, emulator.url);
    live = target(process.env.OPENAI_API_KEY as string, LIVE_BASE_URL);
  });

  afterAll(async () => {
    await emulator?.close();
    const origin = new URL(LIVE_BASE_URL).origin;
    const agreed = results.filter((r) => r.agreed).length;
    fs.writeFileSync(RESULTS, `${JSON.stringify({ ranAt: new Date().toISOString(), api: origin, agreed, of: results.length, results }, null, 2)}\n`);
    console.log(`test:live: ${agreed} of ${results.length} emulator guesses agree with ${origin}; details in ${RESULTS}`);
  });

  for (const guess of GUESSES) {
    it(`${guess.id}: ${guess.claim}`, async () => {
      const fromEmulator = await observe(() => guess.observe(emulated));
      const fromLive = await observe(() => guess.observe(live));
      const agreed = JSON.stringify(fromEmulator) === JSON.stringify(fromLive);
      results.push({ id: guess.id, claim: guess.claim, emulator: fromEmulator, live: fromLive, agreed });
      expect(fromLive, "what the live API did").toEqual(fromEmulator);
    });
  }
});
