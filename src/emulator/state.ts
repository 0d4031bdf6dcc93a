import type { CallRecord } from "./call-state";
import { FaultInjector } from "./faults";
import { newClientSecret } from "./ids";
import type { ResolvedOptions } from "./options";
import { RequestRecorder } from "./recorder";

/** An `ek_` secret this emulator minted, with the session it carries. */
export interface MintedSecret {
  /** Unix seconds; the secret works while `now < expiresAt`. */
  expiresAt: number;
  session: Record<string, unknown>;
}

/** Past this many stored secrets, expired ones are dropped on the next mint. */
const SECRET_SWEEP_THRESHOLD = 10_000;

/**
 * Everything the emulator remembers between requests; `POST /_emulator/reset`
 * clears it.
 */
export class EmulatorState {
  readonly secrets = new Map<string, MintedSecret>();
  readonly calls = new Map<string, CallRecord>();
  readonly recorder = new RequestRecorder();
  readonly faults: FaultInjector;

  constructor(readonly options: ResolvedOptions) {
    this.faults = new FaultInjector(options.faults);
  }

  /** The emulator clock in unix seconds. */
  nowSeconds(): number {
    return Math.floor(this.options.now() / 1000);
  }

  /** Mints and stores an `ek_` secret valid for `ttlSeconds`. */
  mintSecret(ttlSeconds: number, session: (expiresAt: number) => Record<string, unknown>): { value: string; expiresAt: number; session: Record<string, unknown> } {
    if (this.secrets.size >= SECRET_SWEEP_THRESHOLD) this.sweepExpired();
    const value = newClientSecret();
    const expiresAt = this.nowSeconds() + ttlSeconds;
    const minted = { expiresAt, session: session(expiresAt) };
    this.secrets.set(value, minted);
    return { value, ...minted };
  }

  /** Forgets calls, secrets, recorded requests and stats; faults return to their start settings. */
  reset(): void {
    this.secrets.clear();
    this.calls.clear();
    this.recorder.clear();
    this.faults.reset();
  }

  private sweepExpired(): void {
    const now = this.nowSeconds();
    for (const [value, secret] of this.secrets) if (secret.expiresAt <= now) this.secrets.delete(value);
  }
}
