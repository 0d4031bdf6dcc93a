import { RealtimeTranscriptionSessionCreateRequest } from "../../schemas";
import { TranscriptionSessionArgs } from "../../schemas/resource-args";
import { legacySessionOutputs } from "./legacy-session";
import type { KindSpec } from "./spec";

export const transcriptionSession: KindSpec = {
  kind: "TranscriptionSession",
  args: TranscriptionSessionArgs,
  inputKeys: ["session"],
  defaults: { session: {} },
  async create(client, args) {
    const body = (args.session ?? {}) as RealtimeTranscriptionSessionCreateRequest;
    const res = await client.transcriptionSessions.create(body);
    return legacySessionOutputs(res, RealtimeTranscriptionSessionCreateRequest);
  },
};
