import { describe, expect, it } from "vitest";
import { clientSecretMissingRotation } from "../../../src/rules";
import { KINDS, changed, compliant, run } from "./fixtures";

describe("openai-realtime-client-secret-missing-rotation", () => {
  it.each(KINDS)("passes a compliant %s", (kind) => {
    expect(run(clientSecretMissingRotation, compliant(kind))).toEqual([]);
  });

  it("flags a long-lived secret without a rotation window", () => {
    const subject = changed("ClientSecret", (p) => {
      p.expiresAfterSeconds = 3600;
      delete p.rotateBeforeSeconds;
    });
    expect(run(clientSecretMissingRotation, subject)).toEqual([
      {
        path: ["rotateBeforeSeconds"],
        message: "expiresAfterSeconds 3600 is longer than 600 seconds but rotateBeforeSeconds is not set.",
      },
    ]);
  });

  it("treats rotateBeforeSeconds 0 as not set", () => {
    const subject = changed("TranslationClientSecret", (p) => {
      p.expiresAfterSeconds = 900;
      p.rotateBeforeSeconds = 0;
    });
    expect(run(clientSecretMissingRotation, subject, { minSeconds: 300 })[0]?.message).toBe(
      "expiresAfterSeconds 900 is longer than 300 seconds but rotateBeforeSeconds is not set.",
    );
  });

  it("accepts a long-lived secret that rotates", () => {
    const subject = changed("ClientSecret", (p) => (p.expiresAfterSeconds = 3600));
    expect(run(clientSecretMissingRotation, subject)).toEqual([]);
  });
});
