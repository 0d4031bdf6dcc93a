// A stalled store loses no call: Redis frozen (SIGSTOP) mid-delivery, and
// SIGTERM while deliveries wait on it. Every call ends acted on exactly once,
// as the emulator's call states and request counts show.
import { describe, expect, it } from "vitest";
import { redisServerPath, waitFor, type Delivery, type RouterProcess } from "./helpers";
import { useRedisRouters } from "./setup";

const REDIS = redisServerPath();
const ACCEPTS = "POST /v1/realtime/calls/{call_id}/accept";
const ROUTES = [{ action: "accept", session: { type: "realtime", model: "gpt-realtime" } }];

describe.skipIf(REDIS === undefined)(
  `router lifecycle with a stalled Redis${REDIS === undefined ? " (skipped: redis-server is not installed; apt-get install redis-server)" : ""}`,
  { timeout: 120_000 },
  () => {
    const rig = useRedisRouters(REDIS!, ROUTES);
    const { startRouter } = rig;

    const heldCalls = (count: number) =>
      Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const id = await rig.calls.incoming({ To: `sip:+1415555${String(i).padStart(4, "0")}@x`, From: "sip:+1" });
          return { id, delivery: await rig.tap.deliveryFor(id) };
        }),
      );

    /** Posts a delivery as the emulator signed it; a router that never answers fails the test. */
    const post = async (router: RouterProcess, delivery: Delivery): Promise<{ status: number; code?: string }> => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) headers[name] = String(delivery.headers[name]);
      const res = await fetch(`${router.url}/webhook`, { method: "POST", headers, body: delivery.body, signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { error?: { code?: string } };
      return { status: res.status, ...(body.error?.code !== undefined ? { code: body.error.code } : {}) };
    };

    const accepts = async () => (await rig.emulator.stats()).requests[ACCEPTS] ?? 0;

    it("a store frozen mid-delivery: 503, and the retry after it thaws is acted on once", async () => {
      const router = await startRouter();
      const [call] = await heldCalls(1);
      rig.redis.pause();
      try {
        expect(await post(router, call!.delivery)).toEqual({ status: 503, code: "store_unavailable" });
        // A stuck store does not hang the probes either (a probe that never answers fails the test).
        const health = await fetch(`${router.url}/healthz`, { signal: AbortSignal.timeout(30_000) });
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({ status: "store_unavailable", store: "redis" });
        const metrics = await fetch(`${router.url}/metrics`, { signal: AbortSignal.timeout(30_000) });
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).not.toContain("router_pending_hangups");
      } finally {
        // The frozen server now carries out the claim it was sent, and the give-back after it.
        rig.redis.resume();
      }
      expect((await post(router, call!.delivery)).status).toBe(202);
      await rig.calls.waitFor(call!.id, "accepted");
      expect((await post(router, call!.delivery)).status).toBe(200);
      expect(await accepts()).toBe(1);
    });

    it("SIGTERM with deliveries waiting on the store: they are answered and acted on, later ones get 503", async () => {
      const patient = await startRouter(["--store-timeout-ms", "30000"]);
      const other = await startRouter();
      const before = await accepts();
      const held = await heldCalls(4);
      const waiting = held.slice(0, 3);
      rig.redis.pause();
      let answers: Array<Promise<{ status: number }>> = [];
      try {
        answers = waiting.map((c) => post(patient, c.delivery));
        await waitFor("3 deliveries waiting on the store", async () =>
          /^router_deliveries_in_progress 3$/m.test(await patient.metrics()) ? true : undefined,
        );
        patient.child.kill("SIGTERM");
        await waitFor("the shutdown line", () => (patient.logs.some((l) => l.event === "shutdown") ? true : undefined));
        // Draining, still listening: a new delivery is sent elsewhere with a 503.
        expect(await post(patient, held[3]!.delivery)).toEqual({ status: 503, code: "shutting_down" });
        expect((await fetch(`${patient.url}/healthz`)).status).toBe(503);
      } finally {
        rig.redis.resume();
      }
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual([202, 202, 202]);
      expect(await patient.exited).toBe(0);
      // Drained means done: every call it answered 202 was acted on before it exited.
      for (const c of waiting) expect((await rig.calls.get(c.id)).status).toBe("accepted");
      expect((await post(other, held[3]!.delivery)).status).toBe(202);
      await rig.calls.waitFor(held[3]!.id, "accepted");
      for (const c of held) expect((await post(other, c.delivery)).status).toBe(200);
      expect((await accepts()) - before).toBe(4);
    });

    it("SIGTERM with the store frozen past the drain deadline: 503, and a second router acts on the redelivery once", async () => {
      const doomed = await startRouter(["--store-timeout-ms", "30000", "--drain-seconds", "1"]);
      const other = await startRouter();
      const before = await accepts();
      const [call] = await heldCalls(1);
      rig.redis.pause();
      try {
        const answer = post(doomed, call!.delivery);
        await waitFor("the delivery waiting on the store", async () =>
          /^router_deliveries_in_progress 1$/m.test(await doomed.metrics()) ? true : undefined,
        );
        doomed.child.kill("SIGTERM");
        expect(await answer).toEqual({ status: 503, code: "store_unavailable" });
        expect(await doomed.exited).toBe(0);
      } finally {
        rig.redis.resume();
      }
      expect(doomed.logs.some((l) => l.event === "drain_deadline")).toBe(true);
      expect((await post(other, call!.delivery)).status).toBe(202);
      await rig.calls.waitFor(call!.id, "accepted");
      expect((await post(other, call!.delivery)).status).toBe(200);
      expect((await accepts()) - before).toBe(1);
    });
  },
);
