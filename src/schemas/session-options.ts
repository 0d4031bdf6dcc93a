import { z } from "zod";
import { describedUnion, freeFormObject, strictKit, type Kit, type Mode } from "./kit";

/** Output modality: `audio` (audio plus transcript) or `text`. */
export const OutputModality = z.enum(["text", "audio"]);
/** Output modality. */
export type OutputModality = z.infer<typeof OutputModality>;

/** Extra server output: `item.input_audio_transcription.logprobs`. */
export const RealtimeIncludable = z.enum(["item.input_audio_transcription.logprobs"]);
/** Extra server output. */
export type RealtimeIncludable = z.infer<typeof RealtimeIncludable>;

/** Builds the `max_output_tokens` field: 1..4096, or `"inf"` for the model's maximum. */
export function maxOutputTokens<M extends Mode>(k: Kit<M>) {
  return describedUnion([k.integer(1, 4096), z.literal("inf")], "an integer between 1 and 4096 or 'inf'");
}

/**
 * Output token cap per response, tool calls included: an integer 1..4096 or `"inf"` (the default).
 *
 * @example
 * RealtimeMaxOutputTokens.parse("inf");
 */
export const RealtimeMaxOutputTokens = maxOutputTokens(strictKit);
/** Output token cap. */
export type RealtimeMaxOutputTokens = z.infer<typeof RealtimeMaxOutputTokens>;

/** Builds `RealtimeTruncation`. */
export function truncation<M extends Mode>(k: Kit<M>) {
  return describedUnion(
    [
      z.enum(["auto", "disabled"]),
      k.object({
        type: z.literal("retention_ratio"),
        retention_ratio: k.decimal(0, 1),
        token_limits: k.optional(k.object({ post_instructions: k.optional(k.integer(0)) })),
      }),
    ],
    "'auto', 'disabled' or a retention ratio truncation object",
  );
}

/**
 * What happens when the conversation outgrows the model's input limit: `auto` (default),
 * `disabled` (error instead), or keep a fraction of the tokens (`retention_ratio` 0..1).
 *
 * @example
 * RealtimeTruncation.parse({ type: "retention_ratio", retention_ratio: 0.8 });
 */
export const RealtimeTruncation = truncation(strictKit);
/** Truncation behaviour. */
export type RealtimeTruncation = z.infer<typeof RealtimeTruncation>;

/** Reasoning effort for reasoning-capable models such as `gpt-realtime-2`; the API default is `low`. */
export const RealtimeReasoningEffort = z.enum(["minimal", "low", "medium", "high", "xhigh"]);
/** Reasoning effort. */
export type RealtimeReasoningEffort = z.infer<typeof RealtimeReasoningEffort>;

/** Builds `RealtimeReasoning`. */
export function reasoning<M extends Mode>(k: Kit<M>) {
  return k.object({ effort: k.optional(RealtimeReasoningEffort) });
}

/** Reasoning configuration. */
export const RealtimeReasoning = reasoning(strictKit);
/** Reasoning configuration. */
export type RealtimeReasoning = z.infer<typeof RealtimeReasoning>;

/** Builds the tracing field: `"auto"`, a granular configuration, or `null` (off, the GA default). */
export function tracing<M extends Mode>(k: Kit<M>) {
  return describedUnion(
    [
      z.literal("auto"),
      k.object({
        workflow_name: k.optional(z.string()),
        group_id: k.optional(z.string()),
        metadata: k.optional(freeFormObject),
      }),
    ],
    "'auto' or a tracing configuration object",
  ).nullable();
}

/**
 * Traces Dashboard configuration. Once tracing is on for a session it cannot be changed.
 *
 * @example
 * RealtimeTracingConfig.parse({ workflow_name: "concierge" });
 */
export const RealtimeTracingConfig = tracing(strictKit);
/** Tracing configuration. */
export type RealtimeTracingConfig = z.infer<typeof RealtimeTracingConfig>;
