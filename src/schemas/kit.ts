import { z } from "zod";

/**
 * How a schema treats what the reference does not describe.
 *
 * - `strict`: request bodies. Unknown keys are rejected at every level, as the API answers
 *   `400 unknown_parameter`.
 * - `loose`: response bodies. Unknown keys are kept and optional fields may be `null`, so fields the
 *   API adds later never break a caller.
 */
export type Mode = "strict" | "loose";

/** Unknown-key policy of a mode: strict objects reject unknown keys, loose ones keep them. */
export type ConfigFor<M extends Mode> = M extends "strict" ? z.core.$strict : z.core.$loose;

/** Object schema for a mode. */
export type ObjectFor<M extends Mode, S extends z.ZodRawShape> = z.ZodObject<S, ConfigFor<M>>;

/** What an optional field also accepts in a mode: responses also accept `null`. */
export type NullableFor<M extends Mode, T extends z.ZodType> = M extends "strict" ? T : z.ZodNullable<T>;

/** Optional field for a mode; responses also accept `null`, which the API sends for unset fields. */
export type OptionalFor<M extends Mode, T extends z.ZodType> = z.ZodOptional<NullableFor<M, T>>;

/**
 * Builders that produce the strict (request) or loose (response) variant of the same shape, so a
 * building block such as an MCP tool is written once and used on both sides.
 */
export interface Kit<M extends Mode> {
  readonly mode: M;
  /** An object with the mode's unknown-key policy. */
  object<S extends z.ZodRawShape>(shape: S): ObjectFor<M, S>;
  /** A field that may be absent (and, in responses, `null`). */
  optional<T extends z.ZodType>(schema: T): OptionalFor<M, T>;
  /** An integer; requests enforce the bounds, responses report whatever the API sends. */
  integer(min?: number, max?: number): z.ZodInt;
  /** A number; requests enforce the bounds, responses report whatever the API sends. */
  decimal(min?: number, max?: number): z.ZodNumber;
}

/** Kit for request bodies. */
export const strictKit: Kit<"strict"> = {
  mode: "strict",
  object: (shape) => z.strictObject(shape),
  optional: (schema) => schema.optional() as OptionalFor<"strict", typeof schema>,
  integer: (min, max) => integer(min, max),
  decimal: (min, max) => decimal(min, max),
};

/** Kit for response bodies. */
export const looseKit: Kit<"loose"> = {
  mode: "loose",
  object: (shape) => z.looseObject(shape),
  optional: (schema) => schema.nullable().optional() as OptionalFor<"loose", typeof schema>,
  integer: () => integer(),
  decimal: () => decimal(),
};

/**
 * Prefix that marks an error message as a description of what a schema accepts (a union, an
 * integer); `formatIssues` words its message with it.
 */
export const EXPECTED_PREFIX = "expected ";

// Number checks carry the OpenAI wording for their failure ("integer below minimum value"), because
// a zod issue alone cannot tell an integer field from a decimal one that was given a whole number.
const bound = (kind: "integer" | "decimal", side: "below minimum" | "above maximum"): string =>
  `${kind} ${side} value`;

/**
 * An integer, optionally bounded (inclusive).
 *
 * @example
 * const seconds = integer(10, 7200);
 */
export function integer(min?: number, max?: number): z.ZodInt {
  // zod reports a non-number given to an integer field as "expected number"; say integer instead.
  // An absent value keeps zod's own message, which is how a missing field is recognised.
  let schema = z.int({
    error: (issue) =>
      issue.code === "invalid_type" && issue.input !== undefined ? `${EXPECTED_PREFIX}an integer` : undefined,
  });
  if (min !== undefined) schema = schema.min(min, { error: bound("integer", "below minimum") });
  if (max !== undefined) schema = schema.max(max, { error: bound("integer", "above maximum") });
  return schema;
}

/**
 * A finite number, optionally bounded (inclusive).
 *
 * @example
 * const speed = decimal(0.25, 1.5);
 */
export function decimal(min?: number, max?: number): z.ZodNumber {
  let schema = z.number();
  if (min !== undefined) schema = schema.min(min, { error: bound("decimal", "below minimum") });
  if (max !== undefined) schema = schema.max(max, { error: bound("decimal", "above maximum") });
  return schema;
}

/**
 * A union whose failure is described in words, e.g. `"an integer between 1 and 4096 or 'inf'"`.
 *
 * @example
 * const maxTokens = describedUnion([integer(1, 4096), z.literal("inf")], "an integer between 1 and 4096 or 'inf'");
 */
export function describedUnion<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(
  options: T,
  expected: string,
): z.ZodUnion<T> {
  return z.union(options, {
    error: (issue) => (issue.code === "invalid_union" ? `${EXPECTED_PREFIX}${expected}` : undefined),
  });
}

/**
 * A string field whose known values the reference lists but which accepts any string, typed so
 * editors still complete the known values.
 *
 * @example
 * const model = openString(KNOWN_REALTIME_MODELS);
 */
export function openString<const T extends readonly string[]>(
  _known: T,
): z.ZodType<T[number] | (string & {}), T[number] | (string & {})> {
  return z.string();
}

/** A JSON object with free-form content (JSON Schema, metadata), kept as is in both modes. */
export const freeFormObject = z.record(z.string(), z.unknown());
