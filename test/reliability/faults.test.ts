// API faults through the real CLI: a stack of ClientSecrets converges while the emulator answers
// a share of requests 429 or 503, fails clearly when every request fails or times out, and the
// next `pulumi up` after the faults clear completes. `npm run test:reliability` repeats the
// convergence run (RELIABILITY_RUNS, 10 there); `npm test` runs it once.
import { describe, expect, it } from "vitest";
import { readmeSnippet, shellCommands } from "../helpers/readme";
import { useStack } from "../helpers/stack";

const API_KEY = "sk-faults-test-key-7c2e91";
const COUNT = 30;
const RUNS = Number(process.env.RELIABILITY_RUNS ?? "1");
const SECRET_TYPE = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";

interface Recorded {
  method: string;
  path: string;
  status: number;
}

describe("API faults", { timeout: 600_000 }, () => {
  const stack = useStack("test/fixtures/many-secrets", API_KEY);

  /** Secrets in state, their ids, and the ek_ values from the stack output. */
  async function minted(): Promise<{ ids: string[]; values: string[] }> {
    const { resources } = await stack.ws.exportState();
    const ids = resources.filter((r) => r.type === SECRET_TYPE).map((r) => r.id ?? "");
    const { tokens: values } = (await stack.ws.outputs(true)) as { tokens?: string[] };
    return { ids, values: values ?? [] };
  }

  async function successfulMints(): Promise<number> {
    const requests = (await stack.emulator.requests()) as Recorded[];
    return requests.filter((r) => r.path === "/v1/realtime/client_secrets" && r.status === 200).length;
  }

  for (let run = 0; run < RUNS; run++) {
    const retryAfterSeconds = run === 0 ? 1 : 0;
    it(`run ${run + 1}/${RUNS}: up of ${COUNT} secrets converges with 30% of requests answered 429 (retry-after ${retryAfterSeconds} s) or 503`, async () => {
      await stack.emulator.reset();
      await stack.ws.setConfig("count", String(COUNT));
      await stack.emulator.faults({ rate: 0.3, statuses: [429, 503], retryAfterSeconds });
      const up = await stack.ws.up();
      expect(up.code, up.output).toBe(0);

      const { ids, values } = await minted();
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids).size).toBe(COUNT);
      expect(values).toHaveLength(COUNT);
      for (const value of values) expect(value).toMatch(/^ek_[A-Za-z0-9]+$/);
      expect(new Set(values).size).toBe(COUNT);
      // Each resource was minted exactly once: the injected failures acted on nothing.
      expect(await successfulMints()).toBe(COUNT);
      const { faults, requests } = await stack.emulator.stats();
      expect(faults).toBeGreaterThan(0);
      // The figures a reliability report quotes: failures survived and requests it took.
      console.info(`run ${run + 1}: ${faults} injected failures survived in ${requests["POST /v1/realtime/client_secrets"]} requests`);

      await stack.emulator.faults({});
      const destroy = await stack.ws.run(["destroy", "--yes", "--skip-preview"]);
      expect(destroy.code, destroy.output).toBe(0);
    });
  }

  it("every request failing ends the up with the status and the retry count; the next up after the faults clear completes", async () => {
    await stack.emulator.reset();
    await stack.ws.setConfig("count", "3");
    await stack.ws.setConfig("openai-realtime:maxRetries", "3");
    await stack.emulator.faults({ rate: 1, statuses: [503] });
    const failed = await stack.ws.up();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(
      /creating ClientSecret: the OpenAI Realtime API answered 503 POST \/realtime\/client_secrets: The server had an error while processing your request \(injected by the emulator\)\. \(request id: req_\w+\); gave up after 3 retries/,
    );
    expect(failed.output).not.toContain(API_KEY);
    expect(await successfulMints()).toBe(0);

    await stack.emulator.faults({});
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const { ids, values } = await minted();
    expect(new Set(ids).size).toBe(3);
    expect(values).toHaveLength(3);
    expect(await successfulMints()).toBe(3);
    await stack.ws.run(["destroy", "--yes", "--skip-preview"], { check: true });
  });

  it("attempts slower than requestTimeoutSeconds are retried, then reported as timeouts", async () => {
    await stack.emulator.reset();
    await stack.ws.setConfig("count", "2");
    await stack.ws.setConfig("openai-realtime:maxRetries", "2");
    await stack.ws.setConfig("openai-realtime:requestTimeoutSeconds", "0.3");
    await stack.emulator.faults({ statuses: [], latencyMs: 1_000 });
    const failed = await stack.ws.up();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(
      "creating ClientSecret: POST /realtime/client_secrets: request timed out after 300 ms; gave up after 2 retries",
    );
    // Every attempt reached the emulator, which answered after the client had given up on it: those
    // are the orphan tokens a timed-out mint can leave (they expire on their own).
    while (((await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"] ?? 0) < 6) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await stack.emulator.stats()).requests["POST /v1/realtime/client_secrets"]).toBe(6);

    await stack.emulator.faults({});
    await stack.ws.setConfig("openai-realtime:requestTimeoutSeconds", "60");
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    expect((await minted()).ids).toHaveLength(2);
  });

  it("a bad setting is refused, naming the key and the range", async () => {
    await stack.ws.setConfig("openai-realtime:maxRetries", "lots");
    await stack.ws.setConfig("count", "3");
    const up = await stack.ws.up();
    expect(up.code).not.toBe(0);
    expect(up.output).toContain('openai-realtime:maxRetries must be an integer from 0 to 100, got "lots"');
    await stack.ws.setConfig("openai-realtime:maxRetries", "3");
  });

  it("pulumi config set openai-realtime:maxRequestsPerSecond paces every create of the up", async () => {
    await stack.emulator.reset();
    await stack.ws.run(["destroy", "--yes", "--skip-preview"], { check: true });
    await stack.ws.setConfig("count", "3");
    // The README's command, with a rate slow enough to see: three creates need at least 8 s.
    await stack.ws.run(["config", "set", "openai-realtime:maxRequestsPerSecond", "0.25"], { check: true });
    const started = Date.now();
    const up = await stack.ws.up();
    const elapsedMs = Date.now() - started;
    expect(up.code, up.output).toBe(0);
    expect(await successfulMints()).toBe(3);
    expect(elapsedMs).toBeGreaterThanOrEqual(8_000);
    // The README's command as printed.
    for (const [program, ...args] of shellCommands(readmeSnippet("max-requests-per-second"))) {
      expect(program).toBe("pulumi");
      await stack.ws.run(args, { check: true });
    }
    const again = await stack.ws.run(["up", "--yes", "--skip-preview", "--refresh=false"]);
    expect(again.code, again.output).toBe(0);
  });
});
