import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, redactUrl } from "../../../src/calls/redis-store";
import { parseSecretList, WebhookSecrets } from "../../../src/calls/secrets";
import { MemoryStore } from "../../../src/calls/store";

describe("MemoryStore", () => {
  it("lets one caller claim a key until it expires", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(() => now);
    expect(await store.claim(["webhook:a"], 10, "o1")).toBe(true);
    expect(await store.claim(["webhook:a"], 10, "o2")).toBe(false);
    now += 10_001;
    expect(await store.claim(["webhook:a"], 10, "o3")).toBe(true);
  });

  it("claims several keys all or none, and gives back only the owner's marks", async () => {
    const store = new MemoryStore();
    expect(await store.claim(["webhook:a", "call:1"], 10, "o1")).toBe(true);
    // call:1 is taken: webhook:b is not marked either.
    expect(await store.claim(["webhook:b", "call:1"], 10, "o2")).toBe(false);
    expect(await store.claim(["webhook:b", "call:2"], 10, "o3")).toBe(true);
    await store.release(["webhook:a", "call:1"], "someone-else");
    expect(await store.claim(["call:1"], 10, "o4")).toBe(false);
    await store.release(["webhook:a", "call:1"], "o1");
    expect(await store.claim(["webhook:a", "call:1"], 10, "o5")).toBe(true);
  });

  it("leases due hang-ups once and hands them out again if not completed", async () => {
    const store = new MemoryStore();
    await store.scheduleHangup("rtc_1", 100);
    await store.scheduleHangup("rtc_2", 500);
    expect(await store.takeDueHangups(200, 10, 1000)).toEqual(["rtc_1"]);
    expect(await store.takeDueHangups(300, 10, 1000)).toEqual([]);
    expect(await store.takeDueHangups(1200, 10, 1000)).toEqual(["rtc_2", "rtc_1"]);
    await store.completeHangup("rtc_1");
    expect(await store.pendingHangups()).toBe(1);
  });
});

describe("openStore", () => {
  it("opens the memory store by default", async () => {
    expect((await openStore(undefined)).kind).toBe("memory");
    expect((await openStore("memory")).kind).toBe("memory");
  });

  it("names the allowed forms and never echoes a password", async () => {
    await expect(openStore("postgres://u:hunter2@db/x")).rejects.toThrow(
      "--store must be 'memory' or a redis:// or rediss:// URL (got 'postgres://u:***@db/x')",
    );
    expect(redactUrl("redis://:hunter2@127.0.0.1:6379/0")).toBe("redis://:***@127.0.0.1:6379/0");
  });
});

describe("webhook secrets", () => {
  it("splits comma, space and newline lists", () => {
    expect(parseSecretList("whsec_a, whsec_b\nwhsec_c\n# old one removed\n")).toEqual(["whsec_a", "whsec_b", "whsec_c"]);
  });

  it("re-reads the file when it changes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-secrets-"));
    const file = path.join(dir, "secrets");
    fs.writeFileSync(file, "whsec_b2xk\n");
    const secrets = new WebhookSecrets({ secrets: "", file });
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    fs.writeFileSync(file, "whsec_b2xk\nwhsec_bmV3\n");
    await new Promise((r) => setTimeout(r, 1_050));
    expect(secrets.current()).toEqual(["whsec_b2xk", "whsec_bmV3"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start without a secret, without printing any", () => {
    expect(() => new WebhookSecrets({ secrets: "" })).toThrow(
      "No webhook secret: set OPENAI_WEBHOOK_SECRET (comma-separated during a rotation) or pass --webhook-secret-file",
    );
    expect(() => new WebhookSecrets({ secrets: "", file: "/nonexistent/secrets" })).toThrow(
      "Cannot read webhook secret file /nonexistent/secrets: ENOENT",
    );
  });
});
