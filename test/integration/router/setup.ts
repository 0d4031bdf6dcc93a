// One emulator -> tap -> router chain per test file, torn down after it.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { Calls, RedisServer, RouterProcess, tempDir, testSecret, WebhookTap } from "./helpers";

export const API_KEY = "sk-router-test-key-7f3a9c";

const session = (instructions: string) => ({ type: "realtime", model: "gpt-realtime", instructions });

/** The routes most suites use: every kind, globs, a regex, a header and a max duration. */
export const ROUTES = [
  { match: { to: "sip:+1415*", headers: { "X-Tier": "gold" } }, action: "accept", session: session("You are the gold concierge.") },
  { match: { to: "sip:+1415*" }, action: "accept", session: session("You are the concierge.") },
  { match: { to: "sip:+1800*" }, action: "accept", session: session("Short calls only."), maxDurationSeconds: 1 },
  { match: { from: "/^sip:\\+44/" }, action: "refer", targetUri: "tel:+14155550100" },
  { match: { headers: { "x-spam": "yes" } }, action: "reject", statusCode: 486 },
];

export interface Chain {
  emulator: TestEmulator;
  tap: WebhookTap;
  router: RouterProcess;
  calls: Calls;
  secret: string;
  dir: string;
}

/** Registers hooks that start emulator, tap and a router on `routes` (a `--routes` file). */
export function useRouterChain(
  options: { routes?: unknown; env?: (secret: string) => Record<string, string | undefined>; args?: string[]; files?: (secret: string) => Record<string, string> } = {},
): Chain {
  const chain = {} as Chain;
  beforeAll(async () => {
    chain.secret = testSecret();
    chain.dir = tempDir();
    fs.writeFileSync(path.join(chain.dir, "routes.json"), JSON.stringify(options.routes ?? ROUTES));
    for (const [name, text] of Object.entries(options.files?.(chain.secret) ?? {})) fs.writeFileSync(path.join(chain.dir, name), text);
    chain.tap = await new WebhookTap("").start();
    chain.emulator = await TestEmulator.start({
      apiKey: API_KEY,
      webhookUrl: chain.tap.url,
      webhookSecret: chain.secret,
      webhookRetryDelaysMs: [100, 300, 1000],
    });
    chain.router = await RouterProcess.start(["--routes", "routes.json", "--port", "0", ...(options.args ?? [])], {
      cwd: chain.dir,
      env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: chain.emulator.url, OPENAI_WEBHOOK_SECRET: chain.secret, ...options.env?.(chain.secret) },
    });
    chain.tap.target = `${chain.router.url}/webhook`;
    chain.calls = new Calls(chain.emulator.url);
  });
  afterAll(async () => {
    await chain.router?.stop();
    await chain.emulator?.close();
    await chain.tap?.close();
    if (chain.dir !== undefined) fs.rmSync(chain.dir, { recursive: true, force: true });
  });
  return chain;
}

export interface RedisRouters {
  redis: RedisServer;
  emulator: TestEmulator;
  /** Holds every webhook (`mode = "hold"`), so a test decides which router gets it. */
  tap: WebhookTap;
  calls: Calls;
  secret: string;
  dir: string;
  /** The routers started so far, in order. */
  routers: RouterProcess[];
  /** Starts one more router on `routes` with `--store` on the suite's Redis; every one is stopped after the file. */
  startRouter(args?: string[]): Promise<RouterProcess>;
}

/**
 * Registers hooks that start a redis-server (`redisServer`, its binary), the
 * emulator and a tap that holds its webhooks, for suites that run several
 * routers on one Redis store, started with `startRouter`.
 */
export function useRedisRouters(redisServer: string, routes: unknown): RedisRouters {
  const routers: RouterProcess[] = [];
  const rig = {
    secret: testSecret(),
    routers,
    async startRouter(args: string[] = []) {
      const router = await RouterProcess.start(["--routes", "routes.json", "--port", "0", "--store", rig.redis.url, ...args], {
        cwd: rig.dir,
        env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: rig.emulator.url, OPENAI_WEBHOOK_SECRET: rig.secret },
      });
      routers.push(router);
      return router;
    },
  } as RedisRouters;
  beforeAll(async () => {
    rig.redis = await RedisServer.start(redisServer);
    rig.dir = tempDir();
    fs.writeFileSync(path.join(rig.dir, "routes.json"), JSON.stringify(routes));
    rig.tap = await new WebhookTap("").start();
    rig.tap.mode = "hold";
    rig.emulator = await TestEmulator.start({ apiKey: API_KEY, webhookUrl: rig.tap.url, webhookSecret: rig.secret });
    rig.calls = new Calls(rig.emulator.url);
  });
  afterAll(async () => {
    // A test may leave the server paused; stopping it needs it running.
    rig.redis?.resume();
    for (const router of routers) await router.stop();
    await rig.emulator?.close();
    await rig.tap?.close();
    await rig.redis?.stop();
    if (rig.dir !== undefined) fs.rmSync(rig.dir, { recursive: true, force: true });
  });
  return rig;
}
