// What a hostile sender can do with connections alone: an endless chunked
// body, a huge declared Content-Length, a body that never finishes, and more
// connections than the router takes. Each ends with the connection closed by
// the router, not held.
import * as net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealtimeClient } from "../../../src/client";
import { CallRouter } from "../../../src/calls/router";
import { startRouterServer, type RunningRouter } from "../../../src/calls/server";
import { MemoryStore } from "../../../src/calls/store";
import { testSecret, waitFor } from "./helpers";

/** A raw connection to the router that records what comes back and whether the router closed it. */
class Raw {
  received = "";
  closed = false;
  readonly socket: net.Socket;
  constructor(port: number) {
    this.socket = net.connect(port, "127.0.0.1");
    this.socket.on("data", (chunk: Buffer) => (this.received += chunk.toString("latin1")));
    this.socket.on("close", () => (this.closed = true));
    this.socket.on("error", () => undefined);
  }
  connected(): Promise<void> {
    return new Promise((resolve) => this.socket.once("connect", () => resolve()));
  }
  write(text: string | Buffer): boolean {
    return this.socket.destroyed ? false : this.socket.write(text);
  }
  /** Waits until the router has closed the connection. */
  closedByRouter(): Promise<true> {
    return waitFor("the router to close the connection", () => (this.closed ? true : undefined), 20_000);
  }
}

describe("router: connections", { timeout: 60_000 }, () => {
  let running: RunningRouter;
  let router: CallRouter;
  const store = new MemoryStore();

  beforeAll(async () => {
    router = new CallRouter({
      routes: [{ action: "reject" }],
      client: new RealtimeClient({ apiKey: "sk-unused", baseURL: "http://127.0.0.1:9/v1" }),
      store,
      secrets: () => [testSecret()],
      log: () => undefined,
    });
    running = await startRouterServer({ router, store, maxBodyBytes: 65_536, requestTimeoutMs: 1_000, maxConnections: 4 });
  });
  afterAll(async () => {
    await running?.close();
  });

  it("an endless chunked body is cut off with 413 once it passes the limit", async () => {
    const raw = new Raw(running.port);
    await raw.connected();
    raw.write("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.alloc(16_384, "a");
    // 128 KB, twice the limit, and the body never ends.
    for (let i = 0; i < 8; i++) raw.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]));
    await raw.closedByRouter();
    expect(raw.received).toMatch(/^HTTP\/1\.1 413 /);
    raw.socket.destroy();
  });

  it("a declared 1 GiB Content-Length is answered 413 and the connection closed, not drained", async () => {
    const raw = new Raw(running.port);
    await raw.connected();
    raw.write("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n");
    // The body keeps coming, as a sender of 1 GiB would send it.
    const trickle = setInterval(() => raw.write(Buffer.alloc(4096, "a")), 100);
    try {
      await raw.closedByRouter();
    } finally {
      clearInterval(trickle);
    }
    expect(raw.received).toMatch(/^HTTP\/1\.1 413 /);
    raw.socket.destroy();
  });

  it("a body that stops arriving is dropped at the request timeout", async () => {
    const raw = new Raw(running.port);
    await raw.connected();
    raw.write("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":");
    await raw.closedByRouter();
    raw.socket.destroy();
  });

  it("connections past the cap are closed at once; the ones within it are served", async () => {
    const held = Array.from({ length: 4 }, () => new Raw(running.port));
    await Promise.all(held.map((r) => r.connected()));
    const extra = new Raw(running.port);
    await extra.closedByRouter();
    expect(held.some((r) => r.closed)).toBe(false);
    for (const r of held) r.socket.destroy();
    await waitFor("a free slot", async () => ((await fetch(`${running.url}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined));
  });
});
