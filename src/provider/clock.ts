/**
 * Test-only: unix seconds the provider takes as "now" instead of the wall
 * clock, so expiry and rotation can be checked without waiting. Never set it
 * in a real deployment.
 */
export const NOW_ENV = "PULUMI_OPENAI_REALTIME_NOW";

/**
 * Current unix time in seconds for expiry decisions (diff and refresh):
 * `PULUMI_OPENAI_REALTIME_NOW` when set, else the wall clock.
 *
 * @example
 * ```ts
 * process.env.PULUMI_OPENAI_REALTIME_NOW = "1800000000";
 * nowSeconds(); // 1800000000
 * ```
 */
export function nowSeconds(): number {
  const fixed = process.env[NOW_ENV];
  if (fixed === undefined || fixed === "") return Date.now() / 1000;
  const seconds = Number(fixed);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`${NOW_ENV} must be unix seconds (a non-negative number); unset it outside tests`);
  }
  return seconds;
}
