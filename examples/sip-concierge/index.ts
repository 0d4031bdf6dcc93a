// A phone concierge: two reviewed session templates and the call routes the
// SIP router answers with. `pulumi up` publishes the routes, resolved (each
// accept carries its template's effective session), as the `callRoutes`
// output; `pulumi-openai-realtime router --stack <org>/sip-concierge/<stack>`
// reads them from there.
import * as pulumi from "@pulumi/pulumi";
import { SessionTemplate } from "pulumi-openai-realtime";

const config = new pulumi.Config();

const concierge = new SessionTemplate("concierge", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are Alex, the concierge of Example Hotel. Greet gold members by name and book what they ask for.",
    max_output_tokens: 1024,
    audio: { output: { voice: "marin" } },
  },
});

const frontDesk = new SessionTemplate("front-desk", {
  session: {
    type: "realtime",
    model: "gpt-realtime",
    instructions: "You are the front desk of Example Hotel. Answer questions about rooms, times and directions.",
    max_output_tokens: 1024,
    audio: { output: { voice: "cedar" } },
  },
});

// Ordered: the first route whose match holds decides. Values are exact,
// globs (`*`, `?`) or `/regular expressions/`.
export const callRoutes = [
  // Calls from the UK office go to the human switchboard.
  { match: { from: "/^sip:\\+44/" }, action: "refer", targetUri: "tel:+14155550123" },
  // Gold members on the main number reach the concierge.
  { match: { to: "sip:+14155550100*", headers: { "X-Tier": "gold" } }, action: "accept", session: concierge.session },
  // Everyone else on the main number reaches the front desk, for up to an hour.
  { match: { to: "sip:+14155550100*" }, action: "accept", session: frontDesk.session, maxDurationSeconds: 3600 },
  // The demo line: short calls only.
  {
    match: { to: "sip:+18005550199*" },
    action: "accept",
    session: frontDesk.session,
    maxDurationSeconds: config.getNumber("demoLineMaxDurationSeconds") ?? 60,
  },
  // Anything else is declined as busy.
  { action: "reject", statusCode: 486 },
];

export const templates = { concierge: concierge.revision, frontDesk: frontDesk.revision };
