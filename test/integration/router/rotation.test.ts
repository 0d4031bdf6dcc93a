// Rotating the webhook secret loses no call: old and new are both accepted
// during the overlap, then the old one is removed without a restart.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { testSecret } from "./helpers";
import { useRouterChain } from "./setup";

const NEW_SECRET = testSecret();
const TO = { To: "sip:+14155550123@sip.example.com", From: "sip:+1" };
const RELOAD_MS = 1_100; // the secret file is checked at most once a second

describe("router: secret rotation through --webhook-secret-file", { timeout: 60_000 }, () => {
  const chain = useRouterChain({
    args: ["--webhook-secret-file", "webhook-secrets"],
    env: () => ({ OPENAI_WEBHOOK_SECRET: undefined }),
    files: (secret) => ({ "webhook-secrets": `${secret}\n` }),
  });

  async function routedWith(secret: string | undefined): Promise<string> {
    chain.tap.signWith = secret;
    const id = await chain.calls.incoming(TO);
    await chain.calls.waitFor(id, "accepted");
    return id;
  }

  it("accepts old and new during the overlap, then only the new", async () => {
    const file = path.join(chain.dir, "webhook-secrets");
    await routedWith(undefined); // the emulator's own signature: the old secret
    fs.writeFileSync(file, `${chain.secret}\n${NEW_SECRET}\n`);
    await new Promise((r) => setTimeout(r, RELOAD_MS));
    await routedWith(NEW_SECRET);
    await routedWith(undefined);
    fs.writeFileSync(file, `${NEW_SECRET}\n`);
    await new Promise((r) => setTimeout(r, RELOAD_MS));
    await routedWith(NEW_SECRET);

    chain.tap.mode = "hold";
    const id = await chain.calls.incoming(TO);
    const delivery = await chain.tap.deliveryFor(id);
    expect((await chain.tap.forward(delivery, chain.secret)).status).toBe(400);
    expect((await chain.calls.get(id)).status).toBe("incoming");
    expect((await chain.tap.forward(delivery, NEW_SECRET)).status).toBe(202);
    await chain.calls.waitFor(id, "accepted");
    const output = chain.router.stdout + chain.router.stderr;
    expect(output).not.toContain(NEW_SECRET.slice("whsec_".length));
    expect(output).not.toContain(chain.secret.slice("whsec_".length));
  });
});

describe("router: secret rotation through OPENAI_WEBHOOK_SECRET=old,new", { timeout: 60_000 }, () => {
  const chain = useRouterChain({ env: (secret) => ({ OPENAI_WEBHOOK_SECRET: `${secret},${NEW_SECRET}` }) });

  it("accepts deliveries signed with either secret", async () => {
    for (const secret of [undefined, NEW_SECRET, undefined]) {
      chain.tap.signWith = secret;
      const id = await chain.calls.incoming(TO);
      await chain.calls.waitFor(id, "accepted");
    }
  });
});
