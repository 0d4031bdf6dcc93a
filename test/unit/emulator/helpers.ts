import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../src/emulator";

/** A key any emulator without `--api-key` accepts. */
export const KEY = "sk-test-key";

export { SDP_OFFER } from "../../helpers/sdp";

/**
 * A controllable clock in milliseconds. A file that shares one between its
 * tests calls `reset()` in `beforeEach`, so no test sees another's `advance`.
 */
export class TestClock {
  private readonly start: number;
  constructor(public ms = Date.UTC(2025, 7, 27, 12, 0, 0)) {
    this.start = ms;
  }
  readonly now = (): number => this.ms;
  /** Back to the time the clock was made with. */
  reset(): void {
    this.ms = this.start;
  }
  get seconds(): number {
    return Math.floor(this.ms / 1000);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Starts an emulator for one test file; close it in `afterAll`/`afterEach`. */
export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

/** A fetch response whose JSON tests read without casts. */
export interface TestResponse extends Response {
  json(): Promise<any>;
}

/** Options of {@link post}. */
export interface PostOptions {
  key?: string | null;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

/** POSTs JSON (or `raw`) to an API path like `/realtime/client_secrets`. */
export function post(emulator: RunningEmulator, path: string, options: PostOptions = {}): Promise<TestResponse> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers["authorization"] = `Bearer ${key}`;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers["content-type"] = options.contentType ?? "application/json";
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = options.contentType ?? "application/json";
  }
  return fetch(`${emulator.url}${path}`, { method: "POST", headers, ...(body === undefined ? {} : { body }) }) as Promise<TestResponse>;
}

/** The origin of an emulator, for admin routes. */
export function origin(emulator: RunningEmulator): string {
  return emulator.url.replace(/\/v1$/, "");
}

/** Calls an admin route (`/_emulator/...`) and returns status and JSON. */
export async function admin(
  emulator: RunningEmulator,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${origin(emulator)}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, json: await response.json() };
}

/** Creates a SIP call through the admin route and returns its id. */
export async function incomingCall(emulator: RunningEmulator, sipHeaders: unknown = []): Promise<string> {
  const { json } = await admin(emulator, "POST", "calls/incoming", { sip_headers: sipHeaders });
  return json.call_id as string;
}

/** An error body as the API shapes it. */
export function apiError(message: string, type: string, param: string | null, code: string | null): unknown {
  return { error: { message, type, param, code } };
}
