// Past one process: routers sharing one Redis act once on a redelivered
// webhook, and a hang-up timer outlives the router that scheduled it.
import { describe, expect, it } from "vitest";
import { redisServerPath, sendDelivery, waitFor } from "./helpers";
import { useRedisRouters } from "./setup";

const REDIS = redisServerPath();
const ACCEPTS = "POST /v1/realtime/calls/{call_id}/accept";
const ROUTES = [
  { match: { to: "sip:+1800*" }, action: "accept", session: { type: "realtime", model: "gpt-realtime" }, maxDurationSeconds: 2 },
  { action: "accept", session: { type: "realtime", model: "gpt-realtime", instructions: "Hello." } },
];

describe.skipIf(REDIS === undefined)(
  `router with --store redis${REDIS === undefined ? " (skipped: redis-server is not installed; apt-get install redis-server)" : ""}`,
  { timeout: 90_000 },
  () => {
    const rig = useRedisRouters(REDIS!, ROUTES);
    const { startRouter } = rig;

    /** A call whose webhook the tap holds, so the test decides where it goes. */
    const heldCall = async (to: string) => {
      const id = await rig.calls.incoming({ To: to, From: "sip:+1" });
      return { id, delivery: await rig.tap.deliveryFor(id) };
    };

    it("two rig.routers on one Redis act once on a redelivered webhook", async () => {
      const [a, b] = await Promise.all([startRouter(), startRouter()]);
      const { id, delivery } = await heldCall("sip:+14155550123@x");
      const answers = await Promise.all([a!, b!, a!, b!].map((r) => sendDelivery(`${r.url}/webhook`, delivery, rig.secret)));
      expect(answers.filter((x) => x.status === 202)).toHaveLength(1);
      expect(answers.filter((x) => x.status === 200)).toHaveLength(3);
      await rig.calls.waitFor(id, "accepted");
      const decided = () => [...a!.decisions(), ...b!.decisions()].filter((l) => l.callId === id);
      await waitFor("the decision line", () => (decided().length > 0 ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      expect((await rig.emulator.stats()).requests[ACCEPTS]).toBe(1);
      expect(decided()).toHaveLength(1);
      const health = (await (await fetch(`${a!.url}/healthz`)).json()) as { store: string };
      expect(health.store).toBe("redis");
    });

    it("another instance fires the hang-up of a router that died", async () => {
      const [a, b] = rig.routers;
      const { id, delivery } = await heldCall("sip:+18005550100@x");
      expect((await sendDelivery(`${a!.url}/webhook`, delivery, rig.secret)).status).toBe(202);
      const decision = await a!.decisionFor(id);
      a!.child.kill("SIGKILL");
      await a!.exited;
      await rig.calls.waitFor(id, "ended", 10_000);
      const hangup = await b!.hangupFor(id);
      expect(hangup).toMatchObject({ outcome: "ok", reason: "max_duration" });
      const late = Date.parse(String(hangup!.time)) - Date.parse(String(decision.hangupAt));
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(2_000);
    });

    it("a restarted router fires a hang-up scheduled before the restart", async () => {
      await rig.routers[1]!.stop();
      const first = await startRouter();
      const { id, delivery } = await heldCall("sip:+18005550101@x");
      expect((await sendDelivery(`${first.url}/webhook`, delivery, rig.secret)).status).toBe(202);
      const decision = await first.decisionFor(id);
      expect(decision.hangupAt).toEqual(expect.any(String));
      expect(await first.stop()).toBe(0);
      expect((await rig.calls.get(id)).status).toBe("accepted");
      const restarted = await startRouter();
      await rig.calls.waitFor(id, "ended", 10_000);
      const hangup = await restarted.hangupFor(id);
      expect(hangup).toMatchObject({ outcome: "ok" });
      expect(Date.parse(String(hangup!.time))).toBeGreaterThanOrEqual(Date.parse(String(decision.hangupAt)));
    });
  },
);
