// One clock for the emulator (which stamps expiry on what it mints) and the
// provider (which decides expiry in diff and refresh, through
// PULUMI_OPENAI_REALTIME_NOW), so expiry tests move time instead of waiting.

/** Unix seconds the integration tests start from: fixed, far from the wall clock. */
export const START_SECONDS = 1_900_000_000;

export class TestClock {
  seconds: number;

  constructor(seconds = START_SECONDS) {
    this.seconds = seconds;
  }

  /** For `startEmulator({ now })`: milliseconds. */
  readonly now = (): number => this.seconds * 1000;

  /** Environment for a `pulumi` run that sees this clock. */
  env(): Record<string, string> {
    return { PULUMI_OPENAI_REALTIME_NOW: String(this.seconds) };
  }

  /** Moves the clock to `seconds` (never backwards in one test file). */
  set(seconds: number): void {
    this.seconds = seconds;
  }
}
