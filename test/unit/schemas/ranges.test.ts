import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranslationClientSecretCreateRequest,
  validate,
} from "../../../src/schemas";
import { fullSession, requestExamples } from "./fixtures";
import { withValue } from "./helpers";

type Path = (string | number)[];

interface Target {
  schema: z.ZodType;
  base: unknown;
}

const ga: Target = { schema: RealtimeSessionCreateRequestGA, base: fullSession };
const secret: Target = { schema: RealtimeCreateClientSecretRequest, base: requestExamples.clientSecret };
const translation: Target = { schema: RealtimeTranslationClientSecretCreateRequest, base: requestExamples.translationClientSecret };
const legacy: Target = { schema: RealtimeSessionCreateRequest, base: { ...requestExamples.session, turn_detection: { type: "server_vad" } } };
const legacyTranscription: Target = {
  schema: RealtimeTranscriptionSessionCreateRequest,
  base: { turn_detection: { type: "server_vad" } },
};

const dotted = (path: Path): string =>
  path.reduce<string>((out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), "");

/** Values on the boundary are accepted (and kept as given). */
const inside: [string, Target, Path, unknown][] = [
  ["expires_after.seconds min", secret, ["expires_after", "seconds"], 10],
  ["expires_after.seconds max", secret, ["expires_after", "seconds"], 7200],
  ["translation expires_after.seconds min", translation, ["expires_after", "seconds"], 10],
  ["translation expires_after.seconds max", translation, ["expires_after", "seconds"], 7200],
  ["speed min", ga, ["audio", "output", "speed"], 0.25],
  ["speed max", ga, ["audio", "output", "speed"], 1.5],
  ["max_output_tokens min", ga, ["max_output_tokens"], 1],
  ["max_output_tokens max", ga, ["max_output_tokens"], 4096],
  ["max_output_tokens inf", ga, ["max_output_tokens"], "inf"],
  ["threshold min", ga, ["audio", "input", "turn_detection", "threshold"], 0],
  ["threshold max", ga, ["audio", "input", "turn_detection", "threshold"], 1],
  ["idle_timeout_ms min", ga, ["audio", "input", "turn_detection", "idle_timeout_ms"], 5000],
  ["idle_timeout_ms max", ga, ["audio", "input", "turn_detection", "idle_timeout_ms"], 30000],
  ["idle_timeout_ms null", ga, ["audio", "input", "turn_detection", "idle_timeout_ms"], null],
  ["retention_ratio min", ga, ["truncation", "retention_ratio"], 0],
  ["retention_ratio max", ga, ["truncation", "retention_ratio"], 1],
  ["post_instructions min", ga, ["truncation", "token_limits", "post_instructions"], 0],
  ["languages one item", ga, ["audio", "input", "transcription", "languages"], ["en"]],
  ["allowed_callers one item", ga, ["tools", 1, "allowed_callers"], ["programmatic"]],
  ["legacy speed min", legacy, ["speed"], 0.25],
  ["legacy speed max", legacy, ["speed"], 1.5],
  ["legacy temperature min", legacy, ["temperature"], 0.6],
  ["legacy temperature max", legacy, ["temperature"], 1.2],
  ["legacy max_response_output_tokens min", legacy, ["max_response_output_tokens"], 1],
  ["legacy max_response_output_tokens max", legacy, ["max_response_output_tokens"], 4096],
  ["legacy max_response_output_tokens inf", legacy, ["max_response_output_tokens"], "inf"],
  ["legacy threshold max", legacy, ["turn_detection", "threshold"], 1],
  ["legacy transcription threshold min", legacyTranscription, ["turn_detection", "threshold"], 0],
];

/** Values just outside the boundary fail with the API's wording. */
const outside: [string, Target, Path, unknown, string, string][] = [
  ["expires_after.seconds below", secret, ["expires_after", "seconds"], 9, "integer_below_min_value",
    "Invalid 'expires_after.seconds': integer below minimum value. Expected a value >= 10, but got 9 instead."],
  ["expires_after.seconds above", secret, ["expires_after", "seconds"], 7201, "integer_above_max_value",
    "Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 7200, but got 7201 instead."],
  ["expires_after.seconds decimal", secret, ["expires_after", "seconds"], 600.5, "invalid_type",
    "Invalid type for 'expires_after.seconds': expected an integer, but got a decimal instead."],
  ["translation expires_after.seconds above", translation, ["expires_after", "seconds"], 7201, "integer_above_max_value",
    "Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 7200, but got 7201 instead."],
  ["speed below", ga, ["audio", "output", "speed"], 0.24, "decimal_below_min_value",
    "Invalid 'audio.output.speed': decimal below minimum value. Expected a value >= 0.25, but got 0.24 instead."],
  ["speed above", ga, ["audio", "output", "speed"], 1.51, "decimal_above_max_value",
    "Invalid 'audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 1.51 instead."],
  ["max_output_tokens below", ga, ["max_output_tokens"], 0, "integer_below_min_value",
    "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead."],
  ["max_output_tokens above", ga, ["max_output_tokens"], 4097, "integer_above_max_value",
    "Invalid 'max_output_tokens': integer above maximum value. Expected a value <= 4096, but got 4097 instead."],
  ["threshold below", ga, ["audio", "input", "turn_detection", "threshold"], -0.1, "decimal_below_min_value",
    "Invalid 'audio.input.turn_detection.threshold': decimal below minimum value. Expected a value >= 0, but got -0.1 instead."],
  ["threshold above", ga, ["audio", "input", "turn_detection", "threshold"], 1.1, "decimal_above_max_value",
    "Invalid 'audio.input.turn_detection.threshold': decimal above maximum value. Expected a value <= 1, but got 1.1 instead."],
  ["idle_timeout_ms below", ga, ["audio", "input", "turn_detection", "idle_timeout_ms"], 4999, "integer_below_min_value",
    "Invalid 'audio.input.turn_detection.idle_timeout_ms': integer below minimum value. Expected a value >= 5000, but got 4999 instead."],
  ["idle_timeout_ms above", ga, ["audio", "input", "turn_detection", "idle_timeout_ms"], 30001, "integer_above_max_value",
    "Invalid 'audio.input.turn_detection.idle_timeout_ms': integer above maximum value. Expected a value <= 30000, but got 30001 instead."],
  ["retention_ratio below", ga, ["truncation", "retention_ratio"], -0.01, "decimal_below_min_value",
    "Invalid 'truncation.retention_ratio': decimal below minimum value. Expected a value >= 0, but got -0.01 instead."],
  ["retention_ratio above", ga, ["truncation", "retention_ratio"], 1.01, "decimal_above_max_value",
    "Invalid 'truncation.retention_ratio': decimal above maximum value. Expected a value <= 1, but got 1.01 instead."],
  ["post_instructions below", ga, ["truncation", "token_limits", "post_instructions"], -1, "integer_below_min_value",
    "Invalid 'truncation.token_limits.post_instructions': integer below minimum value. Expected a value >= 0, but got -1 instead."],
  ["languages empty", ga, ["audio", "input", "transcription", "languages"], [], "empty_array",
    "Invalid 'audio.input.transcription.languages': empty array. Expected an array with minimum length 1, but got an empty array instead."],
  ["allowed_callers empty", ga, ["tools", 1, "allowed_callers"], [], "empty_array",
    "Invalid 'tools[1].allowed_callers': empty array. Expected an array with minimum length 1, but got an empty array instead."],
  ["format rate", ga, ["audio", "input", "format", "rate"], 16000, "invalid_value",
    "Invalid value for 'audio.input.format.rate': 16000. Supported values are: 24000."],
  ["legacy speed above", legacy, ["speed"], 9, "decimal_above_max_value",
    "Invalid 'speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead."],
  ["legacy temperature below", legacy, ["temperature"], 0.59, "decimal_below_min_value",
    "Invalid 'temperature': decimal below minimum value. Expected a value >= 0.6, but got 0.59 instead."],
  ["legacy temperature above", legacy, ["temperature"], 1.21, "decimal_above_max_value",
    "Invalid 'temperature': decimal above maximum value. Expected a value <= 1.2, but got 1.21 instead."],
  ["legacy max_response_output_tokens above", legacy, ["max_response_output_tokens"], 4097, "integer_above_max_value",
    "Invalid 'max_response_output_tokens': integer above maximum value. Expected a value <= 4096, but got 4097 instead."],
  ["legacy threshold above", legacy, ["turn_detection", "threshold"], 1.5, "decimal_above_max_value",
    "Invalid 'turn_detection.threshold': decimal above maximum value. Expected a value <= 1, but got 1.5 instead."],
  ["legacy transcription threshold below", legacyTranscription, ["turn_detection", "threshold"], -1, "decimal_below_min_value",
    "Invalid 'turn_detection.threshold': decimal below minimum value. Expected a value >= 0, but got -1 instead."],
];

describe("range boundaries", () => {
  it.each(inside)("%s is accepted", (_name, { schema, base }, path, value) => {
    const body = withValue(base, path, value);
    expect(validate(schema, body)).toEqual({ ok: true, value: body });
  });

  it.each(outside)("%s is rejected", (_name, { schema, base }, path, value, code, message) => {
    expect(validate(schema, withValue(base, path, value))).toEqual({
      ok: false,
      issues: [{ path: dotted(path), code, message }],
    });
  });
});
