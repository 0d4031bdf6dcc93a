import type { RealtimeClient } from "../client/client";
import { isAPIConnectionError, isAPIError } from "../client/errors/guards";
import { backoffMs, decideRetry, isRetryableStatus } from "../client/retry";
import type { RealtimeSessionCreateRequestGA } from "../schemas";

/** One call-control request. */
export type CallStep =
  | { action: "accept"; session: RealtimeSessionCreateRequestGA }
  | { action: "refer"; targetUri: string }
  | { action: "reject"; statusCode: number }
  | { action: "hangup" };

/**
 * `ok`: the API took the action. `already_done`: the call was already in the
 * state the action leads to (an earlier attempt, or another router, got
 * there first), which counts as success. `failed`: gave up.
 */
export type StepOutcome = "ok" | "already_done" | "failed";

/** What {@link runCallStep} did. */
export interface StepResult {
  outcome: StepOutcome;
  /** HTTP requests sent, retries included. */
  attempts: number;
  /** Why it failed (the client's message: method, path, status, API text; never a credential). */
  error?: string;
}

/** The retry policy: the client's (retryable statuses, backoff, `retry-after`), with a router-sized budget. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 4 */
  maxRetries?: number | undefined;
  /** Milliseconds per attempt. @default 10000 */
  timeoutMs?: number | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** The call state each action leads to, as the API words it in `invalid_call_state` errors. */
const TARGET_STATE: Readonly<Record<CallStep["action"], string>> = {
  accept: "accepted",
  refer: "referred",
  reject: "rejected",
  hangup: "ended",
};

function send(client: RealtimeClient, callId: string, step: CallStep, timeout: number): Promise<void> {
  // Retries are counted here, so each request is one attempt.
  const options = { maxRetries: 0, timeout };
  switch (step.action) {
    case "accept":
      return client.calls.accept(callId, step.session, options);
    case "refer":
      return client.calls.refer(callId, { target_uri: step.targetUri }, options);
    case "reject":
      return client.calls.reject(callId, { status_code: step.statusCode }, options);
    case "hangup":
      return client.calls.hangup(callId, options);
  }
}

/**
 * Whether an error says the call already is where `step` would take it (an
 * earlier attempt whose answer was lost, or another router, got there
 * first): `400 invalid_call_state` naming that state (`... it is 'accepted'
 * ...`). A call moved elsewhere (rejected while we accepted) is a failure.
 */
function alreadyApplied(error: unknown, step: CallStep): boolean {
  if (!isAPIError(error) || error.status !== 400 || error.code !== "invalid_call_state") return false;
  return /\bit is '([a-z_]+)'/.exec(error.apiMessage ?? "")?.[1] === TARGET_STATE[step.action];
}

/**
 * Sends one call action, retrying connection errors, timeouts, 408, 409, 429
 * and 5xx with the client's backoff (and the server's `retry-after`), and
 * never sends it again once it has landed.
 *
 * @example
 * const result = await runCallStep(client, "rtc_123", { action: "reject", statusCode: 486 });
 * result.outcome // "ok"
 */
export async function runCallStep(
  client: RealtimeClient,
  callId: string,
  step: CallStep,
  policy: RetryPolicy = {},
): Promise<StepResult> {
  const maxRetries = policy.maxRetries ?? 4;
  const timeout = policy.timeoutMs ?? 10_000;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      await send(client, callId, step, timeout);
      return { outcome: "ok", attempts: attempt };
    } catch (error) {
      if (alreadyApplied(error, step)) return { outcome: "already_done", attempts: attempt };
      const retryIndex = attempt - 1;
      let delayMs: number | undefined;
      if (retryIndex < maxRetries) {
        if (isAPIConnectionError(error)) delayMs = backoffMs(retryIndex, Math.random());
        else if (isAPIError(error) && isRetryableStatus(error.status)) {
          const decision = decideRetry(error.headers, retryIndex, { now: Date.now, random: Math.random });
          if (decision.retry) delayMs = decision.delayMs;
        }
      }
      if (delayMs === undefined) {
        return { outcome: "failed", attempts: attempt, error: error instanceof Error ? error.message : String(error) };
      }
      await sleep(delayMs);
    }
  }
}
