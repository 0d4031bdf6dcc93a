import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";

// A reviewed session config: `pulumi up` asks the API which session it applies.
const assistant = new SessionTemplate("assistant", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are a helpful assistant. Keep answers short.",
    max_output_tokens: 1024, // per response; the API's default is "inf"
    audio: { output: { voice: "marin" } },
  },
});

// The short-lived token a browser or phone app connects with; any `pulumi up`
// within two minutes of its expiry mints a new one.
const web = new ClientSecret("web", { session: assistant.session, expiresAfterSeconds: 600, rotateBeforeSeconds: 120 });

// The same outputs as a realtime.yaml project: one object per kind, by name.
export const templates = { assistant: { session: assistant.session, model: assistant.model, revision: assistant.revision } };
export const clientSecrets = { web: { value: web.value, expiresAt: web.expiresAt, sessionId: web.sessionId } };
