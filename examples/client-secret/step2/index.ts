// Step 2 of the example: the instructions change in review. Both the
// template and the secret minted from it are replaced; the new token reaches
// every dependent.
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";

const support = new SessionTemplate("support", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are a patient support agent. Ask one question at a time. Answer in the caller's language.",
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
