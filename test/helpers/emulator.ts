// An in-process emulator for integration tests, with typed access to its
// admin routes.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator";

export interface EmulatorStats {
  requests: Record<string, number>;
  faults: number;
}

export class TestEmulator {
  readonly url: string;
  private readonly admin: string;
  private readonly running: RunningEmulator;

  private constructor(running: RunningEmulator) {
    this.running = running;
    this.url = running.url;
    this.admin = `http://127.0.0.1:${running.port}/_emulator`;
  }

  static async start(options: EmulatorOptions = {}): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator({ port: 0, ...options }));
  }

  private async call<T>(method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.admin}/${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /_emulator/${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  stats(): Promise<EmulatorStats> {
    return this.call("GET", "stats");
  }

  /** Number of API requests served since start or the last reset. */
  async apiRequests(): Promise<number> {
    const { requests } = await this.stats();
    return Object.values(requests).reduce((a, b) => a + b, 0);
  }

  async requests(): Promise<Array<{ method: string; path: string; status: number }>> {
    const { requests } = await this.call<{ requests: Array<{ method: string; path: string; status: number }> }>(
      "GET",
      "requests",
    );
    return requests;
  }

  /** The recorded-requests log exactly as `GET /_emulator/requests` serves it, for secret scans. */
  async requestLog(): Promise<string> {
    const res = await fetch(`${this.admin}/requests`);
    if (!res.ok) throw new Error(`GET /_emulator/requests: ${res.status} ${await res.text()}`);
    return res.text();
  }

  faults(settings: { count?: number; rate?: number; statuses?: number[]; retryAfterSeconds?: number; latencyMs?: number }) {
    return this.call("POST", "faults", settings);
  }

  reset() {
    return this.call("POST", "reset", {});
  }

  close(): Promise<void> {
    return this.running.close();
  }
}
