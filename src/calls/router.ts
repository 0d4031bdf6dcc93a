import { randomUUID } from "node:crypto";
import type { RealtimeClient } from "../client/client";
import { isWebhookVerificationError } from "../client/errors/guards";
import type { WebhookHeaders } from "../client/webhook-signature";
import type { CallRoute } from "../schemas/call-routes";
import { runCallStep, type RetryPolicy, type StepOutcome } from "./actions";
import { compileRoutes, MAX_HEADER_LENGTH, type SipHeaderValue } from "./match";
import { RouterMetrics } from "./metrics";
import { stepsFor } from "./routes";
import type { RouterStore } from "./store";
import { isCallIncoming, verifyWebhook } from "./webhook";

/** One structured log record; written as one JSON line. Never holds a secret. */
export type LogRecord = Record<string, string | number | boolean | null>;

/** Everything a {@link CallRouter} needs. */
export interface CallRouterOptions {
  routes: readonly CallRoute[];
  client: RealtimeClient;
  store: RouterStore;
  /** The current webhook secrets (re-read on each delivery, for rotation). */
  secrets: () => readonly string[];
  /** Where log records go. @default one JSON line on stdout */
  log?: ((record: LogRecord) => void) | undefined;
  retry?: RetryPolicy | undefined;
  /** How long a webhook id (and a call id) is remembered. @default 259200 (72 h, OpenAI's redelivery window) */
  dedupSeconds?: number | undefined;
  /** How often pending hang-ups are checked. @default 250 */
  hangupPollMs?: number | undefined;
  /** Seconds of clock skew a webhook timestamp may have. @default 300 */
  toleranceSeconds?: number | undefined;
  /** How long {@link CallRouter.drain} waits for deliveries and call actions. @default 25000 */
  drainTimeoutMs?: number | undefined;
  /** Clock in ms, for tests. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * A call id as the API gives them (`rtc_` and letters, digits, `_`, `-`):
 * one path segment of `/realtime/calls/{call_id}/...`, never `.`, `..` or empty.
 */
const CALL_ID = /^rtc_[A-Za-z0-9_-]{1,200}$/;

/** Identical refusals within this window are logged once; the next line counts the ones left out. */
const REFUSAL_LOG_WINDOW_MS = 10_000;

/** The HTTP answer to one delivery. */
export interface DeliveryAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Webhook reasons that are the sender's fault answer 400; `payload_too_large` 413. */
function refusal(reason: string): number {
  return reason === "payload_too_large" ? 413 : 400;
}

/**
 * Routes SIP calls: verifies each `realtime.call.incoming` delivery,
 * acknowledges it, then accepts, refers or rejects the call as the first
 * matching route says, and hangs it up at the route's `maxDurationSeconds`.
 * Transport-free: `server.ts` puts it behind HTTP.
 *
 * @example
 * const router = new CallRouter({ routes, client, store: new MemoryStore(), secrets: () => ["whsec_..."] });
 * const answer = await router.deliver(rawBody, req.headers);
 */
export class CallRouter {
  readonly metrics = new RouterMetrics();
  readonly #options: CallRouterOptions;
  readonly #match: (headers: readonly SipHeaderValue[]) => number;
  readonly #inFlight = new Set<Promise<void>>();
  /** Deliveries being verified and claimed, and hang-up polls: drain waits for them too. */
  readonly #accepting = new Set<Promise<unknown>>();
  readonly #log: (record: LogRecord) => void;
  readonly #abandon: { promise: Promise<never>; reject: (error: Error) => void };
  #poller: NodeJS.Timeout | undefined;
  #deliveries = 0;
  readonly #refusals = new Map<string, { loggedAt: number; suppressed: number }>();
  #polling = false;
  #draining = false;

  constructor(options: CallRouterOptions) {
    this.#options = options;
    this.#match = compileRoutes(options.routes);
    this.#log = options.log ?? ((record) => void process.stdout.write(`${JSON.stringify(record)}\n`));
    let reject!: (error: Error) => void;
    const promise = new Promise<never>((_, r) => (reject = r));
    promise.catch(() => undefined);
    this.#abandon = { promise, reject };
  }

  /** Number of call actions started and not finished. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Number of deliveries taken and not yet answered (being verified, or waiting on the store). */
  get deliveriesInProgress(): number {
    return this.#deliveries;
  }

  /** True once {@link drain} started: deliveries are answered 503 so the sender retries elsewhere. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Starts firing due hang-ups from the store (also those another instance scheduled). */
  start(): void {
    const every = this.#options.hangupPollMs ?? 250;
    this.#poller = setInterval(() => this.#accept(this.#pollHangups()), every);
  }

  /** Refuses a delivery before verification (e.g. its body was over the size limit). */
  refuse(reason: string, message: string): DeliveryAnswer {
    this.metrics.verificationFailure(reason);
    this.#logRefusal(reason, message);
    return { status: refusal(reason), body: { error: { message, type: "invalid_request_error", code: reason } } };
  }

  /**
   * Handles one delivery: verify, de-duplicate, answer, then act in the
   * background (see {@link drain}). Resolves with the HTTP answer as soon as
   * the webhook id and the call id are recorded.
   */
  deliver(body: Buffer, headers: WebhookHeaders): Promise<DeliveryAnswer> {
    if (this.#draining) return Promise.resolve({ status: 503, body: { error: { message: "router is shutting down", code: "shutting_down" } } });
    this.#deliveries += 1;
    return this.#accept(this.#deliver(body, headers).finally(() => (this.#deliveries -= 1)));
  }

  async #deliver(body: Buffer, headers: WebhookHeaders): Promise<DeliveryAnswer> {
    const receivedAt = performance.now();
    let event;
    try {
      event = verifyWebhook(body, headers, this.#options.secrets(), { tolerance: this.#options.toleranceSeconds });
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      return this.refuse(error.reason, error.message);
    }
    const webhookId = headerValue(headers, "webhook-id") ?? event.id;
    if (!isCallIncoming(event)) {
      if (event.type === "realtime.call.incoming") return this.refuse("invalid_payload", "realtime.call.incoming without data.call_id and data.sip_headers");
      this.metrics.webhook("ignored");
      this.#write({ event: "webhook_ignored", webhookId, type: event.type });
      return { status: 200, body: { ignored: event.type } };
    }
    const callId = event.data.call_id;
    if (!CALL_ID.test(callId)) {
      return this.refuse("invalid_payload", "realtime.call.incoming with a data.call_id that is not a call id (rtc_ followed by letters, digits, _ or -)");
    }
    const ttl = this.#options.dedupSeconds ?? 259_200;
    // The call id too: a call is decided once, whatever delivery announces it.
    const keys = [`webhook:${webhookId}`, `call:${callId}`];
    const owner = randomUUID();
    let first: boolean;
    try {
      first = await this.#untilAbandoned(this.#options.store.claim(keys, ttl, owner));
    } catch (error) {
      // The claim may still be carried out (a stalled store answering late):
      // give it back, so the sender's retry is acted on instead of taken for a duplicate.
      void this.#options.store.release(keys, owner).catch(() => undefined);
      this.#write({ event: "store_error", webhookId, callId, detail: (error as Error).message });
      return { status: 503, body: { error: { message: "store unavailable, retry later", code: "store_unavailable" } } };
    }
    if (!first) {
      this.metrics.webhook("duplicate");
      this.#write({ event: "webhook_duplicate", webhookId, callId });
      return { status: 200, body: { duplicate: true } };
    }
    this.metrics.webhook("handled");
    this.#track(this.#decide(callId, webhookId, event.data.sip_headers, receivedAt));
    return { status: 202, body: { call_id: callId } };
  }

  /**
   * Stops taking deliveries (new ones are answered 503) and the hang-up
   * poller, then waits for every delivery already taken and every call action
   * in flight, at most `deadlineMs`. Past it, deliveries still waiting on the
   * store are answered 503 (their marks given back) and the actions still
   * running are logged as `drain_deadline`.
   */
  async drain(options: { deadlineMs?: number | undefined } = {}): Promise<void> {
    this.#draining = true;
    clearInterval(this.#poller);
    const deadlineMs = options.deadlineMs ?? this.#options.drainTimeoutMs ?? 25_000;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => (timer = setTimeout(() => resolve("deadline"), deadlineMs)));
    const settled = (async () => {
      while (this.#accepting.size + this.#inFlight.size > 0) await Promise.allSettled([...this.#accepting, ...this.#inFlight]);
    })();
    const outcome = await Promise.race([settled, deadline]);
    clearTimeout(timer);
    if (outcome !== "deadline") return;
    this.#write({ event: "drain_deadline", deadlineMs, deliveriesInProgress: this.#deliveries, actionsInFlight: this.#inFlight.size });
    this.#abandon.reject(new Error(`no answer from the store within the ${deadlineMs} ms drain deadline`));
    await Promise.allSettled([...this.#accepting]);
  }

  async #decide(callId: string, webhookId: string, sipHeaders: readonly SipHeaderValue[], receivedAt: number): Promise<void> {
    const index = this.#match(sipHeaders);
    const route = index >= 0 ? this.#options.routes[index] : undefined;
    // Headers over the cap matched no condition; the log names them (not their values).
    const oversized = sipHeaders.filter((h) => h.value.length > MAX_HEADER_LENGTH).map((h) => h.name.slice(0, 64));
    const steps = stepsFor(route);
    let attempts = 0;
    let outcome: StepOutcome = "ok";
    let error: string | undefined;
    let fallback: StepOutcome | undefined;
    for (const [i, step] of steps.entries()) {
      const result = await runCallStep(this.#options.client, callId, step, this.#options.retry);
      attempts += result.attempts;
      if (result.outcome === "already_done" && outcome === "ok") outcome = "already_done";
      if (result.outcome === "failed") {
        outcome = "failed";
        error = result.error;
        // The bridge accept went through: the caller must not stay on a bare session.
        if (i > 0) fallback = (await runCallStep(this.#options.client, callId, { action: "hangup" }, this.#options.retry)).outcome;
        break;
      }
    }
    const max = route !== undefined && route.action !== "reject" ? route.maxDurationSeconds : undefined;
    let hangupAt: string | null = null;
    // A hang-up that failed too is left to the poller, due now.
    const dueInMs = fallback === "failed" ? 0 : outcome !== "failed" && max !== undefined ? max * 1000 : undefined;
    if (dueInMs !== undefined) {
      const due = Date.now() + dueInMs;
      hangupAt = new Date(due).toISOString();
      await this.#options.store.scheduleHangup(callId, due).catch((e: Error) => {
        hangupAt = null;
        this.#write({ event: "store_error", callId, detail: e.message });
      });
    }
    const action = route?.action ?? "reject";
    const seconds = (performance.now() - receivedAt) / 1000;
    this.metrics.decision(action, outcome, seconds);
    this.#write({
      event: "decision",
      callId,
      webhookId,
      route: index >= 0 ? index : null,
      action,
      outcome,
      attempts,
      latencyMs: Math.round(seconds * 10_000) / 10,
      ...(hangupAt !== null ? { hangupAt } : {}),
      ...(error !== undefined ? { error } : {}),
      ...(fallback !== undefined ? { fallback: "hangup", fallbackOutcome: fallback } : {}),
      ...(oversized.length > 0 ? { oversizedHeaders: oversized.join(",") } : {}),
    });
  }

  async #pollHangups(): Promise<void> {
    if (this.#polling || this.#draining) return;
    this.#polling = true;
    try {
      // A lease taken late (after a drain gave up) comes due again for another router.
      const due = await this.#untilAbandoned(this.#options.store.takeDueHangups(Date.now(), 50, 30_000));
      for (const callId of due) this.#track(this.#hangup(callId));
    } catch (error) {
      this.#write({ event: "store_error", detail: (error as Error).message });
    } finally {
      this.#polling = false;
    }
  }

  async #hangup(callId: string): Promise<void> {
    const started = performance.now();
    const result = await runCallStep(this.#options.client, callId, { action: "hangup" }, this.#options.retry);
    await this.#options.store.completeHangup(callId).catch(() => undefined);
    const seconds = (performance.now() - started) / 1000;
    this.metrics.decision("hangup", result.outcome, seconds);
    this.#write({
      event: "decision",
      callId,
      webhookId: null,
      route: null,
      action: "hangup",
      reason: "max_duration",
      outcome: result.outcome,
      attempts: result.attempts,
      latencyMs: Math.round(seconds * 10_000) / 10,
      ...(result.error !== undefined ? { error: result.error } : {}),
    });
  }

  /** A refusal line, unless the same one was logged within the window (then counted, and reported with the next). */
  #logRefusal(reason: string, detail: string): void {
    const now = (this.#options.now ?? Date.now)();
    const key = `${reason}\u0000${detail}`;
    const seen = this.#refusals.get(key);
    if (seen !== undefined && now - seen.loggedAt < REFUSAL_LOG_WINDOW_MS) {
      seen.suppressed += 1;
      return;
    }
    if (this.#refusals.size >= 1024) this.#refusals.clear();
    this.#refusals.set(key, { loggedAt: now, suppressed: 0 });
    this.#write({ event: "webhook_refused", reason, detail, ...(seen !== undefined && seen.suppressed > 0 ? { suppressed: seen.suppressed } : {}) });
  }

  /** `work`, or a rejection once a drain gave up waiting for the store. */
  #untilAbandoned<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.#abandon.promise]);
  }

  #accept<T>(work: Promise<T>): Promise<T> {
    this.#accepting.add(work);
    void work.finally(() => this.#accepting.delete(work)).catch(() => undefined);
    return work;
  }

  #track(work: Promise<void>): void {
    const tracked = work.catch((error: Error) => this.#write({ event: "internal_error", detail: error.message }));
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
  }

  #write(record: LogRecord): void {
    this.#log({ time: new Date().toISOString(), ...record });
  }
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | readonly string[] | undefined>)[name];
  return typeof value === "string" ? value : undefined;
}
