import { Agent, request } from "undici";
import { signWebhook } from "../client/webhooks";
import { newWebhookId } from "./ids";

/** Where and how to deliver webhooks. */
export interface WebhookTarget {
  url: string;
  secret: string;
  /** Waits between attempts; attempts = delays + 1. */
  retryDelaysMs: number[];
}

/** The outcome of one delivery, for logs and tests. */
export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  /** Status of the last attempt, or null when it never got a response. */
  lastStatus: number | null;
}

/** One attempt's time limit; a stuck receiver must not hold the retry loop. */
const ATTEMPT_TIMEOUT_MS = 5000;

/**
 * Delivers signed webhook events the way OpenAI does: a JSON POST with
 * Standard Webhooks headers (`webhook-id` stable across retries,
 * `webhook-timestamp` and `webhook-signature` fresh per attempt), retried with
 * growing waits on a non-2xx answer or a connection error, a bounded number
 * of times.
 */
export class WebhookSender {
  private readonly agent = new Agent({ keepAliveTimeout: 1000 });
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private closed = false;
  /** Bumped by `cancelPending`; deliveries from an older generation stop. */
  private generation = 0;

  constructor(
    private readonly target: WebhookTarget,
    private readonly nowMs: () => number,
  ) {}

  /** Delivers `event` (retrying as needed); resolves once delivered or given up. */
  async deliver(event: object): Promise<DeliveryResult> {
    const id = newWebhookId();
    const body = JSON.stringify(event);
    let lastStatus: number | null = null;
    const maxAttempts = this.target.retryDelaysMs.length + 1;
    const generation = this.generation;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (this.closed || generation !== this.generation) return { delivered: false, attempts: attempt - 1, lastStatus };
      lastStatus = await this.attempt(id, body);
      if (lastStatus !== null && lastStatus >= 200 && lastStatus < 300) {
        return { delivered: true, attempts: attempt, lastStatus };
      }
      if (attempt < maxAttempts) await this.sleep(this.target.retryDelaysMs[attempt - 1]!);
    }
    return { delivered: false, attempts: maxAttempts, lastStatus };
  }

  /** Stops the retries of deliveries in progress (used by `POST /_emulator/reset`). */
  cancelPending(): void {
    this.generation += 1;
    for (const pending of this.timers) {
      clearTimeout(pending.timer);
      pending.wake();
    }
    this.timers.clear();
  }

  /** Cancels pending retries and aborts attempts in flight, so shutdown never waits on a slow receiver. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelPending();
    await this.agent.destroy();
  }

  private async attempt(id: string, body: string): Promise<number | null> {
    const timestamp = Math.floor(this.nowMs() / 1000);
    try {
      const signed = signWebhook({ id, timestamp, body, secret: this.target.secret });
      const response = await request(this.target.url, {
        method: "POST",
        dispatcher: this.agent,
        headers: { ...signed, "content-type": "application/json", "user-agent": "OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)" },
        body,
        headersTimeout: ATTEMPT_TIMEOUT_MS,
        bodyTimeout: ATTEMPT_TIMEOUT_MS,
      });
      await response.body.dump();
      return response.statusCode;
    } catch {
      return null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          this.timers.delete(pending);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.timers.add(pending);
    });
  }
}
