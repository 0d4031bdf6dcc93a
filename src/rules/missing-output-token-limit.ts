import type { Rule } from "./rule";
import { fieldName } from "./rule";
import { sessionShape } from "./session-shape";

/**
 * OAIRT008 (advisory): realtime sessions cap output tokens per response; the API's default `"inf"`
 * lets one response run to the model's maximum.
 *
 * @example
 * missingOutputTokenLimit.check({ kind: "SessionTemplate", props: { session: { type: "realtime" } } }, { maxOutputTokens: 4096 });
 * // [{ path: ["session", "max_output_tokens"], message: "session.max_output_tokens is not set, so it defaults to 'inf'; set a limit of at most 4096." }]
 */
export const missingOutputTokenLimit: Rule<{ maxOutputTokens: number }> = {
  id: "OAIRT008",
  name: "openai-realtime-missing-output-token-limit",
  aliases: [],
  severity: "low",
  enforcementLevel: "advisory",
  description: "Realtime sessions set an output token limit instead of leaving it at 'inf'.",
  remediation: "Set `max_output_tokens` (`max_response_output_tokens` on RealtimeSession) to an integer of at most `maxOutputTokens`.",
  configSchema: {
    properties: {
      maxOutputTokens: {
        type: "integer",
        minimum: 1,
        maximum: 4096,
        description: "Largest output token limit accepted.",
        default: 4096,
      },
    },
  },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession"],
  check(subject, { maxOutputTokens }) {
    const shape = sessionShape(subject);
    if (shape !== "realtime" && shape !== "legacy-realtime") return [];
    const key = shape === "realtime" ? "max_output_tokens" : "max_response_output_tokens";
    const path = ["session", key];
    const value = (subject.props.session as Record<string, unknown>)[key];
    if (value === undefined || value === null) {
      return [{ path, message: `${fieldName(path)} is not set, so it defaults to 'inf'; set a limit of at most ${maxOutputTokens}.` }];
    }
    if (value === "inf") {
      return [{ path, message: `${fieldName(path)} is 'inf'; set a limit of at most ${maxOutputTokens}.` }];
    }
    if (typeof value === "number" && value > maxOutputTokens) {
      return [{ path, message: `${fieldName(path)} ${value} is above the limit of ${maxOutputTokens}.` }];
    }
    return [];
  },
};
