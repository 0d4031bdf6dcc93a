import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, deployRealtimeConfig, RealtimeSession, SessionTemplate } from "pulumi-openai-realtime";

// One program, four scenarios, so each policy test changes one config value.
const config = new pulumi.Config();
const scenario = config.require("scenario");

const compliantSession = {
  type: "realtime" as const,
  model: "gpt-realtime",
  instructions: "You are a friendly concierge.",
  max_output_tokens: 1024,
  audio: { output: { voice: "marin" } },
};

if (scenario === "compliant" || scenario === "advisory") {
  new SessionTemplate("concierge", { session: compliantSession });
  new ClientSecret("web", { session: compliantSession, expiresAfterSeconds: 600, rotateBeforeSeconds: 120 });
}

if (scenario === "advisory") {
  // Compliant except for advisory rules: the removed beta endpoint and no output token limit.
  new RealtimeSession("legacy", { session: { model: "gpt-realtime", instructions: "Be brief." } });
}

if (scenario === "long-ttl") {
  new ClientSecret("web", { session: compliantSession, expiresAfterSeconds: 3600, rotateBeforeSeconds: 600 });
}

if (scenario === "violating") {
  new SessionTemplate("preview-model", { session: { ...compliantSession, model: "gpt-4o-realtime-preview" } });
  new SessionTemplate("leaky", {
    // A made-up key in the OpenAI format, never a real credential (put
    // together here so the source holds no key-shaped string).
    session: { ...compliantSession, instructions: `Call the API with ${["sk", "proj", "TESTONLY" + "a".repeat(24)].join("-")}.` },
  });
  new SessionTemplate("unapproved-mcp", {
    session: {
      ...compliantSession,
      tools: [{ type: "mcp", server_label: "crm", server_url: "https://mcp.example.com/sse", require_approval: "never" }],
    },
  });
  new SessionTemplate("text-only", { session: { ...compliantSession, output_modalities: ["text"] } });
  new ClientSecret("captions", {
    session: { type: "transcription", audio: { input: { transcription: { model: "whisper-large" } } } },
    expiresAfterSeconds: 300,
  });
  new ClientSecret("long-lived", { session: compliantSession, expiresAfterSeconds: 3600, rotateBeforeSeconds: 600 });
}

// Token endpoints are no resource: the pack judges the `tokenEndpoints` stack output, which
// realtimeStack() exports from realtime.yaml, with a stack policy.
const endpoints =
  scenario === "compliant"
    ? { web: { template: "desk", expiresAfterSeconds: 60, allowedOrigins: ["https://app.example.com"], auth: "bearer" as const } }
    : scenario === "violating"
      ? { open: { template: "desk", expiresAfterSeconds: 3600, allowedOrigins: ["*"], auth: "none" as const } }
      : undefined;
export const tokenEndpoints = endpoints
  ? deployRealtimeConfig({ templates: { desk: { session: compliantSession } }, tokenEndpoints: endpoints }).tokenEndpoints
  : {};
