import { describe, expect, it } from "vitest";
import { clientSecretMaxTtl } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

describe("openai-realtime-client-secret-max-ttl", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(clientSecretMaxTtl, compliant(kind))).toEqual([]);
  });

  it("flags a lifetime above the default maximum", () => {
    const subject = changed("ClientSecret", (p) => (p.expiresAfterSeconds = 3600));
    expect(run(clientSecretMaxTtl, subject)).toEqual([
      { path: ["expiresAfterSeconds"], message: "expiresAfterSeconds 3600 exceeds the maximum of 600 seconds." },
    ]);
  });

  it("flags the API default when the maximum is lower", () => {
    const subject = changed("TranslationClientSecret", (p) => delete p.expiresAfterSeconds);
    expect(run(clientSecretMaxTtl, subject, { maxSeconds: 300 })[0]?.message).toBe(
      "expiresAfterSeconds 600 (the default) exceeds the maximum of 300 seconds.",
    );
  });

  it("remediates by clamping the lifetime and scaling the rotation window", () => {
    const subject = changed("ClientSecret", (p) => {
      p.expiresAfterSeconds = 3600;
      p.rotateBeforeSeconds = 600;
    });
    expect(clientSecretMaxTtl.remediate?.(subject, { maxSeconds: 600 })).toEqual({
      ...subject.props,
      expiresAfterSeconds: 600,
      rotateBeforeSeconds: 100,
    });
  });

  it("remediates nothing when the lifetime is within the maximum", () => {
    expect(clientSecretMaxTtl.remediate?.(compliant("ClientSecret"), { maxSeconds: 600 })).toBeUndefined();
  });
});
