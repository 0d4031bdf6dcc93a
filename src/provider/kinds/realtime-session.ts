import { RealtimeSessionCreateRequest } from "../../schemas";
import { RealtimeSessionArgs } from "../../schemas/resource-args";
import { legacySessionOutputs } from "./legacy-session";
import type { KindSpec } from "./spec";

export const realtimeSession: KindSpec = {
  kind: "RealtimeSession",
  args: RealtimeSessionArgs,
  inputKeys: ["session"],
  defaults: { session: {} },
  expires: true,
  async create(client, args, revision) {
    const res = await client.sessions.create((args.session ?? {}) as RealtimeSessionCreateRequest);
    return legacySessionOutputs(res, RealtimeSessionCreateRequest, revision);
  },
};
