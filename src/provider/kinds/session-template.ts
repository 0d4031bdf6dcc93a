import { SessionTemplateArgs, type ClientSecretSession } from "../../schemas/resource-args";
import { randomId } from "../canonical";
import { restoreCredentials } from "../credential-fields";
import { toRequestBody } from "../normalize";
import { sessionRequestSchema } from "./client-secret";
import type { KindSpec } from "./spec";

// The shortest lifetime the API allows: the template only needs the
// effective session, and the secret minted to learn it should die at once.
const PROBE_SECONDS = 10;

export const sessionTemplate: KindSpec = {
  kind: "SessionTemplate",
  args: SessionTemplateArgs,
  inputKeys: ["session"],
  defaults: {},
  async create(client, args) {
    const res = await client.clientSecrets.create({
      expires_after: { anchor: "created_at", seconds: PROBE_SECONDS },
      session: args.session as ClientSecretSession,
    });
    const session = restoreCredentials(toRequestBody(res.session, sessionRequestSchema(res.session)), args.session);
    return {
      id: randomId("tmpl"),
      outs: { session, model: typeof session.model === "string" ? session.model : null },
    };
  },
};
