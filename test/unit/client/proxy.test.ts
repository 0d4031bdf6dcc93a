// HTTPS_PROXY / HTTP_PROXY / NO_PROXY through undici's EnvHttpProxyAgent, with a real proxy on
// loopback that tunnels CONNECT and forwards absolute-URI requests, recording both.
import { createServer, request, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RealtimeClient } from "../../../src/client";
import { proxyConfigured } from "../../../src/client/default-fetch";
import { startServer, type LoopbackServer } from "./loopback-server";

const VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] as const;

interface TestProxy {
  url: string;
  /** `host:port` targets, CONNECT tunnels and forwarded requests alike. */
  seen: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<TestProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? "");
    seen.push(target.host);
    const upstream = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on("connect", (req, client, head) => {
    seen.push(req.url ?? "");
    const [host = "", port = ""] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let api: LoopbackServer | undefined;
let proxy: TestProxy | undefined;
let client: RealtimeClient | undefined;

afterEach(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await client?.close();
  await proxy?.close();
  await api?.close();
  client = proxy = api = undefined;
});

function setEnv(values: Partial<Record<(typeof VARIABLES)[number], string>>): void {
  for (const name of VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}

describe("proxy from the environment", () => {
  it("HTTP_PROXY sends requests through the proxy", async () => {
    api = await startServer(() => ({ status: 200 }));
    proxy = await startProxy();
    setEnv({ HTTP_PROXY: proxy.url });
    client = new RealtimeClient({ apiKey: "sk-test-proxy", baseURL: api.baseURL });
    await client.calls.hangup("rtc_1");
    await client.calls.hangup("rtc_2");
    expect(api.requests.map((r) => r.url)).toEqual(["/v1/realtime/calls/rtc_1/hangup", "/v1/realtime/calls/rtc_2/hangup"]);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(new Set(proxy.seen)).toEqual(new Set([new URL(api.origin).host]));
  });

  it("NO_PROXY naming the host goes direct", async () => {
    api = await startServer(() => ({ status: 200 }));
    proxy = await startProxy();
    setEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" });
    client = new RealtimeClient({ apiKey: "sk-test-proxy", baseURL: api.baseURL });
    await client.calls.hangup("rtc_1");
    expect(api.requests).toHaveLength(1);
    expect(proxy.seen).toEqual([]);
  });

  it("without proxy variables nothing goes through a proxy", async () => {
    api = await startServer(() => ({ status: 200 }));
    proxy = await startProxy();
    setEnv({});
    expect(proxyConfigured()).toBe(false);
    client = new RealtimeClient({ apiKey: "sk-test-proxy", baseURL: api.baseURL });
    await client.calls.hangup("rtc_1");
    expect(api.requests).toHaveLength(1);
    expect(proxy.seen).toEqual([]);
  });

  it("a proxy that refuses the connection is an APIConnectionError naming the API origin", async () => {
    api = await startServer(() => ({ status: 200 }));
    // The API server holds this port on 127.0.0.1, so nothing can listen on 127.0.0.2 at it.
    setEnv({ HTTP_PROXY: `http://127.0.0.2:${new URL(api.origin).port}` });
    client = new RealtimeClient({ apiKey: "sk-test-proxy", baseURL: api.baseURL, maxRetries: 0 });
    await expect(client.calls.hangup("rtc_1")).rejects.toThrow(
      `POST /realtime/calls/rtc_1/hangup: connection to ${api.origin} failed:`,
    );
    expect(api.requests).toHaveLength(0);
  });
});
