// An app team's stack: it owns no realtime resources and reads what the
// platform's realtime.yaml stack (project `openai-realtime`) exports. Client
// secrets arrive as secrets and stay secret in this stack too.
import * as pulumi from "@pulumi/pulumi";

interface TemplateOutput {
  model: string;
  revision: string;
  session: { type: string; audio?: { output?: { voice?: string | { id: string } } } };
}
interface SecretOutput {
  value: string;
  expiresAt: number;
  sessionId: string;
}

const config = new pulumi.Config();
// On a file backend every stack is in the organization "organization".
const producer = new pulumi.StackReference(
  config.get("producerStack") ?? `organization/openai-realtime/${pulumi.getStack()}`,
);
const templateName = config.get("template") ?? "concierge";
const secretName = config.get("clientSecret") ?? "web";

const templates = producer.requireOutput("templates") as pulumi.Output<Record<string, TemplateOutput>>;
const clientSecrets = producer.requireOutput("clientSecrets") as pulumi.Output<Record<string, SecretOutput>>;

function pick<T>(entries: Record<string, T>, name: string, section: string): T {
  const entry = entries[name];
  if (entry === undefined) {
    throw new Error(`The producer stack has no ${section}.${name}; it has: ${Object.keys(entries).join(", ") || "none"}.`);
  }
  return entry;
}

const template = templates.apply((t) => pick(t, templateName, "templates"));
const secret = clientSecrets.apply((s) => pick(s, secretName, "clientSecrets"));

/** The voice the app's UI shows, from the template's effective session. */
export const voice = template.apply((t) => {
  const v = t.session.audio?.output?.voice;
  return typeof v === "object" ? v.id : v ?? "default";
});
export const model = template.apply((t) => t.model);
export const templateRevision = template.apply((t) => t.revision);
/** The ek_ token for the app's backend to hand out; secret. */
export const token = pulumi.secret(secret.apply((s) => s.value));
export const tokenExpiresAt = secret.apply((s) => s.expiresAt);
