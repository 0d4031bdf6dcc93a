import { DEFAULT_EXPIRES_AFTER_SECONDS } from "../schemas/resource-args";
import type { Rule, RuleSubject } from "./rule";

function lifetime(subject: RuleSubject): number | undefined {
  const value = subject.props.expiresAfterSeconds ?? DEFAULT_EXPIRES_AFTER_SECONDS;
  return typeof value === "number" ? value : undefined;
}

/**
 * OAIRT003: client secrets live at most `maxSeconds`. Offers `remediate`, which clamps
 * `expiresAfterSeconds` to the maximum (and scales `rotateBeforeSeconds` down with it, so it stays
 * below the new lifetime).
 *
 * @example
 * clientSecretMaxTtl.remediate!({ kind: "ClientSecret", props: { expiresAfterSeconds: 3600, rotateBeforeSeconds: 600 } }, { maxSeconds: 600 });
 * // { expiresAfterSeconds: 600, rotateBeforeSeconds: 100 }
 */
export const clientSecretMaxTtl: Rule<{ maxSeconds: number }> = {
  id: "OAIRT003",
  name: "openai-realtime-client-secret-max-ttl",
  aliases: [],
  severity: "high",
  enforcementLevel: "mandatory",
  description: "Client secrets expire within the maximum lifetime.",
  remediation:
    "Lower `expiresAfterSeconds` to at most `maxSeconds` and rotate with `rotateBeforeSeconds`, or run the pack with enforcement `remediate` to clamp it.",
  configSchema: {
    properties: {
      maxSeconds: {
        type: "integer",
        minimum: 10,
        maximum: 7200,
        description: "Longest lifetime a client secret may have, in seconds.",
        default: DEFAULT_EXPIRES_AFTER_SECONDS,
      },
    },
  },
  kinds: ["ClientSecret", "TranslationClientSecret"],
  check(subject, { maxSeconds }) {
    const seconds = lifetime(subject);
    if (seconds === undefined || seconds <= maxSeconds) return [];
    const written = subject.props.expiresAfterSeconds === undefined ? " (the default)" : "";
    return [
      {
        path: ["expiresAfterSeconds"],
        message: `expiresAfterSeconds ${seconds}${written} exceeds the maximum of ${maxSeconds} seconds.`,
      },
    ];
  },
  remediate(subject, { maxSeconds }) {
    const seconds = lifetime(subject);
    if (seconds === undefined || seconds <= maxSeconds) return undefined;
    const fixed: Record<string, unknown> = { ...subject.props, expiresAfterSeconds: maxSeconds };
    const rotate = subject.props.rotateBeforeSeconds;
    if (typeof rotate === "number" && rotate > 0) fixed.rotateBeforeSeconds = Math.floor((rotate * maxSeconds) / seconds);
    return fixed;
  },
};
