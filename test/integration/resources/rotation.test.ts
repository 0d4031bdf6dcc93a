// Expiry-driven rotation on a moved clock (no waiting): a token at its
// rotation point is planned as a replace with the reason (without API calls)
// and re-minted by `pulumi up`, and what depends on it receives the new
// value; and how rotation meets Pulumi's own options (protect, plans).
import { createHash } from "node:crypto";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { TestClock } from "../../helpers/clock";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-rotation-test-key-77c2";
const CLIENT_SECRET = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";
const clock = new TestClock();
const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex");
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

// A client secret with the options under test, and a dependent that keeps a
// fingerprint of the token it was given (never the token itself).
const PROGRAM = `
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-openai-realtime";

const config = new pulumi.Config();
const web = new ClientSecret(
  "web",
  {
    session: { type: "realtime", model: "gpt-realtime", instructions: config.get("instructions") ?? "Hello." },
    expiresAfterSeconds: config.getNumber("expiresAfterSeconds") ?? 600,
    rotateBeforeSeconds: config.getNumber("rotateBeforeSeconds") ?? 0,
  },
  {
    protect: config.getBoolean("protect") ?? false,
    ignoreChanges: config.getBoolean("ignoreSession") ? ["session"] : [],
    retainOnDelete: config.getBoolean("retain") ?? false,
  },
);

const recorder: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { token: string }) {
    const fingerprint = createHash("sha256").update(inputs.token).digest("hex");
    return { id: fingerprint.slice(0, 16), outs: { fingerprint } };
  },
  async diff(_id: string, olds: { fingerprint: string }, news: { token: string }) {
    const fingerprint = createHash("sha256").update(news.token).digest("hex");
    return fingerprint === olds.fingerprint ? { changes: false } : { changes: true, replaces: ["token"] };
  },
};
class TokenConsumer extends pulumi.dynamic.Resource {
  declare readonly fingerprint: pulumi.Output<string>;
  constructor(name: string, token: pulumi.Input<string>) {
    super(recorder, name, { token, fingerprint: undefined }, { additionalSecretOutputs: ["token"] });
  }
}
const app = new TokenConsumer("app", web.value);

export const webSecret = { value: web.value, expiresAt: web.expiresAt, sessionId: web.sessionId };
export const appFingerprint = app.fingerprint;
`;

describe("rotation", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY, { emulator: { now: clock.now } });
  const env = () => clock.env();

  async function webSecret() {
    const out = await stack.ws.outputs(true);
    return { ...(out.webSecret as { value: string; expiresAt: number; sessionId: string }), app: out.appFingerprint as string };
  }

  it("re-mints a secret once it has expired, saying when, and the dependent gets the new value", async () => {
    stack.ws.write("index.ts", PROGRAM);
    const up = await stack.ws.up(env());
    expect(up.code, up.output).toBe(0);
    const first = await webSecret();
    expect(first.expiresAt).toBe(clock.seconds + 600);
    expect(first.app).toBe(fingerprint(first.value));

    clock.set(first.expiresAt - 1);
    expect((await stack.ws.preview(["--expect-no-changes"], env())).code).toBe(0);

    clock.set(first.expiresAt);
    await stack.emulator.reset();
    // Refresh reports the expiry in state, without asking the API.
    const refresh = await stack.ws.run(["refresh", "--yes"], { env: env() });
    expect(refresh.code, refresh.output).toBe(0);
    const refreshed = (await stack.ws.exportState()).resources.find((r) => r.type === CLIENT_SECRET);
    expect(refreshed?.outputs?.expired).toBe(true);

    const preview = await stack.ws.preview([], env());
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toContain(`ClientSecret ${first.sessionId} is replaced: expired at ${iso(first.expiresAt)}`);
    expect(await stack.emulator.apiRequests()).toBe(0);

    const rotate = await stack.ws.up(env());
    expect(rotate.code, rotate.output).toBe(0);
    expect(rotate.output).toContain("ClientSecret web replaced");
    expect(rotate.output).toContain("pulumi-nodejs:dynamic:Resource app replaced");
    const second = await webSecret();
    expect(second.value).not.toBe(first.value);
    expect(second.expiresAt).toBe(clock.seconds + 600);
    expect(second.app).toBe(fingerprint(second.value));
  });

  it("re-mints early once inside rotateBeforeSeconds, and not a second before", async () => {
    await stack.ws.setConfig("rotateBeforeSeconds", "120");
    expect((await stack.ws.up(env())).code).toBe(0);
    const minted = await webSecret();

    clock.set(minted.expiresAt - 121);
    expect((await stack.ws.preview(["--expect-no-changes"], env())).code).toBe(0);

    clock.set(minted.expiresAt - 120);
    const preview = await stack.ws.preview([], env());
    expect(preview.output).toContain(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toContain(
      `ClientSecret ${minted.sessionId} is replaced: within rotateBeforeSeconds (120) of expiry at ${iso(minted.expiresAt)}`,
    );

    const rotate = await stack.ws.up(env());
    expect(rotate.code, rotate.output).toBe(0);
    const next = await webSecret();
    expect(next.value).not.toBe(minted.value);
    expect(next.app).toBe(fingerprint(next.value));
  });

  it("keeps an expired protected secret and says how to rotate it, instead of failing every preview", async () => {
    await stack.ws.setConfig("protect", "true");
    expect((await stack.ws.up(env())).code).toBe(0);
    const kept = await webSecret();
    clock.set(kept.expiresAt + 1);
    await stack.emulator.reset();

    const preview = await stack.ws.preview(["--expect-no-changes"], env());
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain(
      `ClientSecret ${kept.sessionId} expired at ${iso(kept.expiresAt)}; it is protected, so it is kept: ` +
        "remove `protect` from its options and run `pulumi up` to re-mint it",
    );
    expect(await stack.emulator.apiRequests()).toBe(0);

    // What the message says works: without protect, the next up re-mints.
    await stack.ws.setConfig("protect", "false");
    const rotate = await stack.ws.up(env());
    expect(rotate.code, rotate.output).toBe(0);
    expect((await webSecret()).value).not.toBe(kept.value);
  });

  it("refuses a saved plan that expiry has overtaken, and applies a fresh one", async () => {
    const current = await webSecret();
    const plan = path.join(stack.ws.dir, "plan.json");
    clock.set(current.expiresAt - 200);
    const saved = await stack.ws.run(["preview", "--save-plan", plan], { env: env() });
    expect(saved.code, saved.output).toBe(0);

    clock.set(current.expiresAt);
    const stale = await stack.ws.run(["up", "--yes", "--plan", plan], { env: env() });
    expect(stale.code).not.toBe(0);
    expect(stale.output).toContain("create-replacement is not allowed by the plan: this resource is constrained to same");
    expect((await webSecret()).value).toBe(current.value);

    const fresh = await stack.ws.run(["preview", "--save-plan", plan], { env: env() });
    expect(fresh.code, fresh.output).toBe(0);
    const applied = await stack.ws.run(["up", "--yes", "--plan", plan], { env: env() });
    expect(applied.code, applied.output).toBe(0);
    expect((await webSecret()).value).not.toBe(current.value);
  });

  it("with ignoreChanges on session and retainOnDelete: edits plan nothing, expiry re-mints with the program's current arguments", async () => {
    await stack.ws.setConfig("ignoreSession", "true");
    await stack.ws.setConfig("retain", "true");
    expect((await stack.ws.up(env())).code).toBe(0);
    const current = await webSecret();
    await stack.ws.setConfig("instructions", "Goodbye.");
    await stack.emulator.reset();
    const edited = await stack.ws.preview(["--expect-no-changes"], env());
    expect(edited.code, edited.output).toBe(0);

    clock.set(current.expiresAt);
    const rotate = await stack.ws.up(env());
    expect(rotate.code, rotate.output).toBe(0);
    expect(rotate.output).toContain("ClientSecret web replaced");
    expect((await webSecret()).value).not.toBe(current.value);
    const mints = (await stack.emulator.requests()) as unknown as Array<{ body: { session: { instructions: string } } }>;
    // ignoreChanges only keeps an edit from causing a diff; the engine creates a replacement from the program's inputs.
    expect(mints.map((r) => r.body.session.instructions)).toEqual(["Goodbye."]);
  });
});
