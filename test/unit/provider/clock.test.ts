// The provider's clock: the wall clock, or PULUMI_OPENAI_REALTIME_NOW in tests.
import { afterEach, describe, expect, it, vi } from "vitest";
import { nowSeconds } from "../../../src/provider/clock";

describe("nowSeconds", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("reads PULUMI_OPENAI_REALTIME_NOW when set", () => {
    vi.stubEnv("PULUMI_OPENAI_REALTIME_NOW", "1800000000");
    expect(nowSeconds()).toBe(1_800_000_000);
  });

  it("falls back to the wall clock", () => {
    vi.stubEnv("PULUMI_OPENAI_REALTIME_NOW", "");
    vi.useFakeTimers({ now: 1_234_567_000 });
    try {
      expect(nowSeconds()).toBe(1_234_567);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a value that is not unix seconds, naming the variable", () => {
    vi.stubEnv("PULUMI_OPENAI_REALTIME_NOW", "tomorrow");
    expect(() => nowSeconds()).toThrow("PULUMI_OPENAI_REALTIME_NOW must be unix seconds (a non-negative number); unset it outside tests");
  });
});
