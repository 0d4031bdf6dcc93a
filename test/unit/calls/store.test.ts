import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, redactUrl } from "../../../src/calls/redis-store";
import { parseSecretList, parseWebhookSecrets, WebhookSecrets } from "../../../src/calls/secrets";
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

  it("holds at most maxKeys marks, dropping the oldest first", async () => {
    const store = new MemoryStore(Date.now, { maxKeys: 4 });
    for (let i = 0; i < 10; i++) expect(await store.claim([`webhook:${i}`, `call:${i}`], 60, `o${i}`)).toBe(true);
    expect(store.size).toBeLessThanOrEqual(4);
    expect(await store.claim(["call:9"], 60, "again")).toBe(false);
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

  it.each([
    ["redis://:pa/ss@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"],
    ["redis://user:p/a/ss@h:1/0", "redis://user:***@h:1/0"],
    ["redis://:p@ss/w@rd@h/0", "redis://:***@h/0"],
    ["redis://pa/ss@h", "redis://***@h"],
    ["redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"],
  ])("redacts every part of the password in %s", (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});

describe("webhook secrets", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-secrets-"));
  let n = 0;
  const fileWith = (text: string): string => {
    const file = path.join(dir, `secrets-${++n}`);
    fs.writeFileSync(file, text);
    return file;
  };

  it("splits comma, space and newline lists, with # comments at a line's start or after a blank", () => {
    expect(parseSecretList("whsec_a, whsec_b\nwhsec_c\n# old one removed\n")).toEqual(["whsec_a", "whsec_b", "whsec_c"]);
    expect(parseSecretList("whsec_x   # new\nwhsec_y,# note")).toEqual(["whsec_x", "whsec_y"]);
    expect(parseSecretList("token#with-hash")).toEqual(["token#with-hash"]);
  });

  it("accepts whsec_ and bare base64 secrets, as Standard Webhooks libraries do", () => {
    expect(parseWebhookSecrets("whsec_b2xk\nbmV3 # bare\n", "test")).toEqual(["whsec_b2xk", "whsec_bmV3"]);
    expect(new WebhookSecrets({ secrets: "bmV3" }).current()).toEqual(["whsec_bmV3"]);
  });

  it("refuses to start on a bad entry, naming its line and never printing it", () => {
    const file = fileWith("whsec_b2xk\n\nwhsec_b2xk not-a-secret!\n");
    expect(() => new WebhookSecrets({ file })).toThrow(
      `webhook secret file ${file} line 3, entry 2: not a webhook secret (expected whsec_ followed by a base64 key, or the base64 key alone)`,
    );
    expect(() => new WebhookSecrets({ secrets: "whsec_b2xk,whsec_???" })).toThrow("OPENAI_WEBHOOK_SECRET line 1, entry 2: not a webhook secret");
    try {
      new WebhookSecrets({ secrets: "whsec_b2xk,whsec_???" });
    } catch (error) {
      expect((error as Error).message).not.toContain("???");
    }
  });

  it("re-reads the file when it changes; removing a line revokes that secret", () => {
    const file = fileWith("whsec_b2xk\n");
    const secrets = new WebhookSecrets({ file, checkEveryMs: 0 });
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    fs.writeFileSync(file, "whsec_b2xk\nwhsec_bmV3\n");
    expect(secrets.current()).toEqual(["whsec_b2xk", "whsec_bmV3"]);
    // Same size, new content: still noticed.
    fs.writeFileSync(file, "whsec_bmV3\nwhsec_b2xk\n");
    expect(secrets.current()).toEqual(["whsec_bmV3", "whsec_b2xk"]);
    fs.writeFileSync(file, "whsec_bmV3\n");
    expect(secrets.current()).toEqual(["whsec_bmV3"]);
  });

  it("uses the file alone: OPENAI_WEBHOOK_SECRET is not added to it", () => {
    const file = fileWith("whsec_bmV3\n");
    expect(new WebhookSecrets({ secrets: "whsec_b2xk", file, checkEveryMs: 0 }).current()).toEqual(["whsec_bmV3"]);
  });

  it("keeps the last good list when the file turns bad, empty or unreadable, and logs each once with the line", () => {
    const file = fileWith("whsec_b2xk\n");
    const logs: Array<Record<string, unknown>> = [];
    const secrets = new WebhookSecrets({ file, checkEveryMs: 0, log: (r) => logs.push(r) });
    fs.writeFileSync(file, "whsec_b2xk\nwhsec_bad!\n");
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    fs.writeFileSync(file, "# all gone\n");
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    fs.rmSync(file);
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    expect(secrets.current()).toEqual(["whsec_b2xk"]);
    expect(logs.map((l) => [l.event, l.detail])).toEqual([
      ["secret_file_invalid", `${file} line 2, entry 1: not a webhook secret (expected whsec_ followed by a base64 key, or the base64 key alone); keeping the last good list`],
      ["secret_file_invalid", `${file} holds no secret; keeping the last good list`],
      ["secret_file_unreadable", `cannot read ${file}: ENOENT; keeping the last good list`],
    ]);
    expect(JSON.stringify(logs)).not.toContain("whsec_bad");
    fs.writeFileSync(file, "whsec_bmV3\n");
    expect(secrets.current()).toEqual(["whsec_bmV3"]);
    expect(logs.at(-1)).toMatchObject({ event: "secret_file_reloaded", secrets: 1 });
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
