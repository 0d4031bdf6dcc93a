import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the loopback server saw it. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers. `hang` never answers; `destroy` drops the socket. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  hang?: boolean;
  destroy?: boolean;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string;
  requests: Recorded[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, answering each request with `handler`. */
export async function startServer(handler: (req: Recorded, index: number) => Reply): Promise<LoopbackServer> {
  const requests: Recorded[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if (reply.destroy === true) {
        req.socket.destroy();
        return;
      }
      if (reply.hang === true) {
        hanging.push(res);
        return;
      }
      const body =
        reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      const headers: Record<string, string> = { ...reply.headers };
      if (typeof reply.body === "object") headers["content-type"] ??= "application/json";
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    });
  });
  let connections = 0;
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    requests,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An OpenAI-shaped error body. */
export function apiError(message: string, extra: { type?: string; param?: string | null; code?: string | null } = {}) {
  return { error: { message, type: extra.type ?? "invalid_request_error", param: extra.param ?? null, code: extra.code ?? null } };
}
