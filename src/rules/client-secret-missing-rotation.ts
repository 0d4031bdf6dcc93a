import { DEFAULT_EXPIRES_AFTER_SECONDS } from "../schemas/resource-args";
import type { Rule } from "./rule";

/**
 * OAIRT004 (advisory): a client secret living longer than `minSeconds` should set
 * `rotateBeforeSeconds`, so `pulumi up` re-mints it before apps hold an expired token.
 *
 * @example
 * clientSecretMissingRotation.check({ kind: "ClientSecret", props: { expiresAfterSeconds: 3600 } }, { minSeconds: 600 });
 * // [{ path: ["rotateBeforeSeconds"], message: "expiresAfterSeconds 3600 is longer than 600 seconds but rotateBeforeSeconds is not set." }]
 */
export const clientSecretMissingRotation: Rule<{ minSeconds: number }> = {
  id: "OAIRT004",
  name: "openai-realtime-client-secret-missing-rotation",
  aliases: [],
  severity: "low",
  enforcementLevel: "advisory",
  description: "Long-lived client secrets set a rotation window.",
  remediation: "Set `rotateBeforeSeconds` (for example a fifth of `expiresAfterSeconds`) so the secret is re-minted before it expires.",
  configSchema: {
    properties: {
      minSeconds: {
        type: "integer",
        minimum: 10,
        maximum: 7200,
        description: "Lifetimes above this many seconds need a rotateBeforeSeconds.",
        default: DEFAULT_EXPIRES_AFTER_SECONDS,
      },
    },
  },
  kinds: ["ClientSecret", "TranslationClientSecret"],
  check(subject, { minSeconds }) {
    const seconds = subject.props.expiresAfterSeconds ?? DEFAULT_EXPIRES_AFTER_SECONDS;
    const rotate = subject.props.rotateBeforeSeconds;
    if (typeof seconds !== "number" || seconds <= minSeconds) return [];
    if (typeof rotate === "number" && rotate > 0) return [];
    return [
      {
        path: ["rotateBeforeSeconds"],
        message: `expiresAfterSeconds ${seconds} is longer than ${minSeconds} seconds but rotateBeforeSeconds is not set.`,
      },
    ];
  },
};
