// Two token services on one real redis-server share each client's rate limit.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { RedisServer, redisServerPath, RouterProcess as ServiceProcess, tempDir } from "../router/helpers";
import { API_KEY, endpoints, MINTS, mint } from "./helpers";

const REDIS = redisServerPath();

describe.skipIf(REDIS === undefined)(
  `tokens with --store redis${REDIS === undefined ? " (skipped: redis-server is not installed; apt-get install redis-server)" : ""}`,
  { timeout: 90_000 },
  () => {
    let redis: RedisServer | undefined;
    let emulator: TestEmulator;
    let dir: string;
    const services: ServiceProcess[] = [];

    beforeAll(async () => {
      redis = await RedisServer.start(REDIS!);
      const url = redis.url;
      emulator = await TestEmulator.start({ apiKey: API_KEY });
      dir = tempDir();
      fs.writeFileSync(path.join(dir, "endpoints.json"), JSON.stringify({ open: { ...endpoints().open, rateLimit: { perMinute: 2, burst: 2 } } }));
      for (let i = 0; i < 2; i++) {
        services.push(
          await ServiceProcess.start(["--endpoints", "endpoints.json", "--port", "0", "--store", url], {
            cwd: dir,
            env: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
            command: "tokens",
          }),
        );
      }
    });

    afterAll(async () => {
      for (const service of services) await service.stop();
      await emulator?.close();
      await redis?.stop();
      if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("counts a client's mints across both services", async () => {
      const [a, b] = services as [ServiceProcess, ServiceProcess];
      expect((await mint(a.url, "open")).status).toBe(201);
      expect((await mint(b.url, "open")).status).toBe(201);
      const limited = await mint(a.url, "open");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await mint(b.url, "open")).status).toBe(429);
      expect((await emulator.stats()).requests[MINTS]).toBe(2);
      const health = (await (await fetch(`${b.url}/healthz`)).json()) as { store: string };
      expect(health.store).toBe("redis");
    });

    it("refuses mints with 503 and Retry-After while Redis is down, without an API request", async () => {
      await emulator.reset();
      await redis!.stop();
      redis = undefined;
      const res = await mint(services[0]!.url, "open");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limit_store_unavailable");
      expect((await fetch(`${services[0]!.url}/healthz`)).status).toBe(503);
      expect(await emulator.apiRequests()).toBe(0);
    });
  },
);
