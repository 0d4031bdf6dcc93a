// Compliant subjects of every kind; each rule test changes one thing per case.
import { configDefaults, type AnyRule, type RuleSubject } from "../../../src/rules";
import type { ResourceKind } from "../../../src/tokens";

export const realtimeSession = () => ({
  type: "realtime",
  model: "gpt-realtime",
  instructions: "You are a friendly concierge.",
  max_output_tokens: 1024,
  audio: {
    input: { transcription: { model: "gpt-4o-transcribe" } },
    output: { voice: "marin" },
  },
});

export const transcriptionSession = () => ({
  type: "transcription",
  audio: { input: { transcription: { model: "gpt-4o-transcribe", language: "en" } } },
});

/** A compliant subject of `kind`. */
export function compliant(kind: ResourceKind): RuleSubject {
  switch (kind) {
    case "SessionTemplate":
      return { kind, props: { session: realtimeSession() } };
    case "ClientSecret":
      return { kind, props: { session: realtimeSession(), expiresAfterSeconds: 600, rotateBeforeSeconds: 120 } };
    case "RealtimeSession":
      return {
        kind,
        props: {
          session: {
            model: "gpt-realtime",
            instructions: "Be brief.",
            voice: "marin",
            max_response_output_tokens: 1024,
            input_audio_transcription: { model: "whisper-1" },
          },
        },
      };
    case "TranscriptionSession":
      return { kind, props: { session: { input_audio_transcription: { model: "gpt-4o-transcribe" } } } };
    case "TranslationClientSecret":
      return { kind, props: { session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } } } };
  }
}

/** A subject of `kind` whose props are `change` applied to a compliant copy. */
export function changed(kind: ResourceKind, change: (props: Record<string, any>) => void): RuleSubject {
  const subject = compliant(kind);
  const props = structuredClone(subject.props) as Record<string, any>;
  change(props);
  return { kind, props };
}

/** The rule's findings with its default config, merged with `config`. */
export function run(rule: AnyRule, subject: RuleSubject, config: Record<string, unknown> = {}) {
  return rule.check(subject, { ...configDefaults(rule.configSchema), ...config });
}

export const KINDS: readonly ResourceKind[] = [
  "SessionTemplate",
  "ClientSecret",
  "RealtimeSession",
  "TranscriptionSession",
  "TranslationClientSecret",
];

/** A compliant token endpoint, as realtime.yaml declares it. */
export function endpoint(change: (props: Record<string, any>) => void = () => {}): RuleSubject {
  const props: Record<string, any> = {
    template: "concierge",
    expiresAfterSeconds: 60,
    allowedOrigins: ["https://app.example.com"],
    rateLimit: { perMinute: 30, burst: 10 },
    auth: "bearer",
  };
  change(props);
  return { kind: "TokenEndpoint", props };
}
