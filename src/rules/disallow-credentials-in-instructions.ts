import { credentialKinds } from "./credential-patterns";
import type { Rule } from "./rule";
import { fieldName } from "./rule";
import { modelVisibleText } from "./session-shape";

/**
 * OAIRT005: no credential in instructions, prompt variables or tool descriptions. The model reads
 * them and can repeat them to the caller. Messages name the field and the kind, never the value.
 *
 * @example
 * disallowCredentialsInInstructions.check({ kind: "SessionTemplate", props: { session: { type: "realtime", instructions: "key: sk-..." } } }, {});
 */
export const disallowCredentialsInInstructions: Rule<Record<string, never>> = {
  id: "OAIRT005",
  name: "openai-realtime-disallow-credentials-in-instructions",
  aliases: [],
  severity: "critical",
  enforcementLevel: "mandatory",
  description: "Instructions, prompt variables and tool descriptions contain no credentials.",
  remediation:
    "Remove the credential from the text, rotate it (it has been committed), and give the app the access through a server-side tool instead.",
  configSchema: { properties: {} },
  kinds: ["SessionTemplate", "ClientSecret", "RealtimeSession"],
  check(subject) {
    return modelVisibleText(subject).flatMap(({ path, text }) =>
      credentialKinds(text).map((kind) => ({
        path,
        message: `${fieldName(path)} contains what looks like ${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind}; credentials must not be placed in text the model reads.`,
      })),
    );
  },
};
