import { z } from "zod";
import {
  AudioTranscription,
  AudioTranscriptionResponse,
  RealtimeAudioFormats,
  RealtimeAudioFormatsResponse,
  VoiceIdsOrCustomVoice,
  VoiceIdsShared,
  noiseReduction,
  turnDetection,
} from "./audio";
import { integer, looseKit, openString, strictKit, type Kit, type Mode } from "./kit";
import { KNOWN_REALTIME_MODELS } from "./known";
import { prompt } from "./prompt";
import { OutputModality, RealtimeIncludable, maxOutputTokens, reasoning, tracing, truncation } from "./session-options";
import { realtimeTool, toolChoice } from "./tools";

/**
 * Builds the `audio` object of a GA realtime session. The format, transcription and voice schemas
 * differ between what a request sends and what a response reports, so they come in as arguments.
 */
function realtimeAudio<M extends Mode, F extends z.ZodType, T extends z.ZodType, V extends z.ZodType>(
  k: Kit<M>,
  format: F,
  transcription: T,
  voice: V,
) {
  return k.object({
    input: k.optional(
      k.object({
        format: k.optional(format),
        // The reference says transcription "can be set to null to turn off once on".
        transcription: k.optional(transcription.nullable()),
        noise_reduction: k.optional(noiseReduction(k)),
        turn_detection: k.optional(turnDetection(k)),
      }),
    ),
    output: k.optional(
      k.object({
        format: k.optional(format),
        voice: k.optional(voice),
        speed: k.optional(k.decimal(0.25, 1.5)),
      }),
    ),
  });
}

/** Fields a GA realtime session request and response share. */
function realtimeSessionFields<M extends Mode>(k: Kit<M>) {
  return {
    type: z.literal("realtime"),
    output_modalities: k.optional(z.array(OutputModality)),
    model: k.optional(openString(KNOWN_REALTIME_MODELS)),
    instructions: k.optional(z.string()),
    include: k.optional(z.array(RealtimeIncludable)),
    tracing: k.optional(tracing(k)),
    tools: k.optional(z.array(realtimeTool(k))),
    tool_choice: k.optional(toolChoice(k)),
    reasoning: k.optional(reasoning(k)),
    max_output_tokens: k.optional(maxOutputTokens(k)),
    truncation: k.optional(truncation(k)),
    prompt: k.optional(prompt(k)),
  };
}

/**
 * GA realtime session configuration: the `session` of `POST /realtime/client_secrets`, the body of
 * `POST /realtime/calls/{call_id}/accept` and the `session` part of `POST /realtime/calls`.
 *
 * API defaults when omitted: `output_modalities` `["audio"]`, voice `alloy`, speed `1`,
 * `tool_choice` `auto`, `max_output_tokens` `"inf"`, `truncation` `auto`, tracing and noise
 * reduction off. `output_modalities` cannot hold both `text` and `audio`.
 *
 * @example
 * RealtimeSessionCreateRequestGA.parse({
 *   type: "realtime",
 *   model: "gpt-realtime",
 *   instructions: "You are a friendly concierge.",
 *   audio: { output: { voice: "marin", speed: 1.1 } },
 * });
 */
export const RealtimeSessionCreateRequestGA = strictKit.object({
  ...realtimeSessionFields(strictKit),
  audio: strictKit.optional(
    realtimeAudio(strictKit, RealtimeAudioFormats, AudioTranscription, VoiceIdsOrCustomVoice),
  ),
  parallel_tool_calls: z.boolean().optional(),
});
/** GA realtime session configuration. */
export type RealtimeSessionCreateRequestGA = z.infer<typeof RealtimeSessionCreateRequestGA>;

/**
 * Body of `POST /realtime/calls/{call_id}/accept`: the GA realtime session configuration.
 */
export const RealtimeCallAcceptRequest = RealtimeSessionCreateRequestGA;
/** Body of a call accept. */
export type RealtimeCallAcceptRequest = RealtimeSessionCreateRequestGA;

/**
 * A GA realtime session as the API reports it (inside a client secret response). Lenient: unknown
 * keys are kept and unset fields may be `null`.
 */
export const RealtimeSessionCreateResponseGA = looseKit.object({
  ...realtimeSessionFields(looseKit),
  id: z.string(),
  object: z.literal("realtime.session"),
  expires_at: looseKit.optional(integer()),
  audio: looseKit.optional(
    realtimeAudio(
      looseKit,
      RealtimeAudioFormatsResponse,
      AudioTranscriptionResponse,
      // The reference reports voice names only; custom voice objects are kept in case they appear.
      z.union([VoiceIdsShared, z.looseObject({ id: z.string() })]),
    ),
  ),
});
/** A GA realtime session as reported by the API. */
export type RealtimeSessionCreateResponseGA = z.infer<typeof RealtimeSessionCreateResponseGA>;
