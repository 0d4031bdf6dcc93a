import { invalidRequest } from "./errors";

/** How the emulator misbehaves on purpose; the body of `POST /_emulator/faults`. */
export interface FaultSettings {
  /** Fail the next `count` API requests. */
  count: number;
  /** After those, fail each API request with this probability (0..1). */
  rate: number;
  /** Statuses a failure is drawn from; empty means requests are only delayed. */
  statuses: number[];
  /** The `retry-after` header of injected 429s. */
  retryAfterSeconds: number;
  /** Delay before answering each API request. */
  latencyMs: number;
}

/** Settings with nothing injected. */
export const NO_FAULTS: Readonly<FaultSettings> = { count: 0, rate: 0, statuses: [429], retryAfterSeconds: 1, latencyMs: 0 };

/** Upper bound for injected latency, so a typo cannot park requests for hours. */
const MAX_LATENCY_MS = 60_000;

/**
 * Decides, request by request, whether to inject a failure.
 *
 * @example
 * const faults = new FaultInjector({ ...NO_FAULTS, count: 1 });
 * faults.draw(); // 429
 * faults.draw(); // null
 */
export class FaultInjector {
  private settings: FaultSettings;
  private remaining: number;
  private injectedCount = 0;

  constructor(
    private readonly baseline: Readonly<FaultSettings>,
    private readonly random: () => number = Math.random,
  ) {
    this.settings = { ...baseline, statuses: [...baseline.statuses] };
    this.remaining = baseline.count;
  }

  /** Replaces the current settings (fields left out take the no-fault values). */
  configure(settings: FaultSettings): void {
    this.settings = settings;
    this.remaining = settings.count;
  }

  /** Back to the settings the emulator started with, and the counter to zero. */
  reset(): void {
    this.configure({ ...this.baseline, statuses: [...this.baseline.statuses] });
    this.injectedCount = 0;
  }

  /** The current settings. */
  current(): FaultSettings {
    return { ...this.settings, count: this.remaining, statuses: [...this.settings.statuses] };
  }

  /** Failures injected since start or the last reset. */
  get injected(): number {
    return this.injectedCount;
  }

  /** The `retry-after` seconds of injected 429s. */
  get retryAfterSeconds(): number {
    return this.settings.retryAfterSeconds;
  }

  /** The delay to apply to the next API request. */
  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  /** The status to fail the next API request with, or null to let it through. */
  draw(): number | null {
    const { statuses, rate } = this.settings;
    if (statuses.length === 0) return null;
    if (this.remaining > 0) {
      this.remaining -= 1;
    } else if (!(rate > 0 && this.random() < rate)) {
      return null;
    }
    this.injectedCount += 1;
    return statuses[Math.floor(this.random() * statuses.length)] ?? statuses[0]!;
  }
}

const FAULT_KEYS = new Set(["count", "rate", "statuses", "retryAfterSeconds", "latencyMs"]);

function integerIn(value: unknown, param: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(`Invalid '${param}': expected an integer from ${min} to ${max}.`, param, "invalid_value");
  }
  return value;
}

/**
 * Validates a `POST /_emulator/faults` body into full settings.
 * Throws an API-shaped 400 naming the first bad field.
 */
export function parseFaultSettings(body: unknown): FaultSettings {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidRequest("Invalid body: expected a JSON object.", null, "invalid_type");
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!FAULT_KEYS.has(key)) throw invalidRequest(`Unknown parameter: '${key}'.`, key, "unknown_parameter");
  }
  const rate = input["rate"] ?? 0;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) {
    throw invalidRequest("Invalid 'rate': expected a number from 0 to 1.", "rate", "invalid_value");
  }
  const statuses = input["statuses"] ?? [429];
  if (!Array.isArray(statuses)) {
    throw invalidRequest("Invalid 'statuses': expected an array of HTTP statuses.", "statuses", "invalid_type");
  }
  return {
    count: integerIn(input["count"] ?? 0, "count", 0, Number.MAX_SAFE_INTEGER),
    rate,
    statuses: statuses.map((status, i) => integerIn(status, `statuses.${i}`, 400, 599)),
    retryAfterSeconds: integerIn(input["retryAfterSeconds"] ?? 1, "retryAfterSeconds", 0, 86_400),
    latencyMs: integerIn(input["latencyMs"] ?? 0, "latencyMs", 0, MAX_LATENCY_MS),
  };
}
