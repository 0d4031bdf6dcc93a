import { RealtimeSessionCreateRequest } from "../../schemas";
import { RealtimeSessionArgs } from "../../schemas/resource-args";
import { legacySessionOutputs } from "./legacy-session";
import type { KindSpec } from "./spec";

export const realtimeSession: KindSpec = {
  kind: "RealtimeSession",
  args: RealtimeSessionArgs,
  inputKeys: ["session"],
  defaults: { session: {} },
  async create(client, args) {
    const res = await client.sessions.create((args.session ?? {}) as RealtimeSessionCreateRequest);
    return legacySessionOutputs(res, RealtimeSessionCreateRequest);
  },
};
