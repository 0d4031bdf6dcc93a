// The example stack `npm run demo` deploys, against the local Realtime API
// emulator that the demo starts (set OPENAI_API_KEY and run `pulumi up`
// yourself to deploy it to OpenAI). Outputs follow the realtime.yaml shape:
// one object per section, keyed by entry name, tokens as secrets.
import * as pulumi from "@pulumi/pulumi";
import {
  ClientSecret,
  RealtimeSession,
  SessionTemplate,
  TranscriptionSession,
  TranslationClientSecret,
} from "pulumi-openai-realtime";

const concierge = new SessionTemplate("concierge", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are Alex, a friendly concierge for Example Corp. Keep answers short.",
    audio: {
      input: { turn_detection: { type: "semantic_vad", eagerness: "auto" } },
      output: { voice: "marin", speed: 1.1 },
    },
  },
});

// The token a web app hands to the browser; re-minted by any `pulumi up`
// that runs within two minutes of its expiry.
const web = new ClientSecret("web", { session: concierge.session, expiresAfterSeconds: 600, rotateBeforeSeconds: 120 });

const legacy = new RealtimeSession("legacy", {
  session: { model: "gpt-realtime", modalities: ["audio", "text"], voice: "alloy" },
});

const captions = new TranscriptionSession("captions", {
  session: { input_audio_transcription: { model: "gpt-4o-transcribe", language: "en" } },
});

const spanish = new TranslationClientSecret("spanish", {
  session: { model: "gpt-realtime-translate", audio: { output: { language: "es" } } },
  expiresAfterSeconds: 900,
});

export const templates = {
  concierge: { session: concierge.session, model: concierge.model, revision: concierge.revision },
};
export const clientSecrets = {
  web: { value: web.value, expiresAt: web.expiresAt, sessionId: web.sessionId },
};
export const realtimeSessions = {
  legacy: { sessionId: legacy.sessionId, clientSecret: legacy.clientSecret, expiresAt: legacy.expiresAt },
};
export const transcriptionSessions = {
  captions: { sessionId: captions.sessionId, clientSecret: captions.clientSecret, expiresAt: captions.expiresAt },
};
export const translationClientSecrets = {
  spanish: { value: spanish.value, expiresAt: spanish.expiresAt, sessionId: spanish.sessionId },
};
export const stack = pulumi.getStack();
