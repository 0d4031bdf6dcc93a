// A session template reviewed in PRs, and the short-lived client secret a web
// app hands to browsers. `pulumi up` re-mints the secret once it is within
// `rotateBeforeSeconds` of expiry. Run against OpenAI with
// `pulumi config set --secret openai-realtime:apiKey sk-...`, or against the
// emulator with OPENAI_BASE_URL.
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";

const support = new SessionTemplate("support", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are a patient support agent. Ask one question at a time.",
    max_output_tokens: 1024,
    audio: { output: { voice: "cedar" } },
  },
});

const browser = new ClientSecret("browser", {
  session: support.session,
  expiresAfterSeconds: 600,
  rotateBeforeSeconds: 120,
});

export const model = support.model;
export const revision = support.revision;
export const token = browser.value;
export const tokenExpiresAt = browser.expiresAt;
