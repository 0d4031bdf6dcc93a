import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequestGA,
  validate,
  type SchemaIssue,
} from "../../../src/schemas";
import { clientSecretRequest, realtimeSession } from "./arbitraries";

type Path = (string | number)[];

const dotted = (path: Path): string =>
  path.reduce<string>((out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), "");

// Objects whose keys are free-form (JSON Schema, metadata, headers, prompt variables).
const FREE_FORM = new Set(["parameters", "metadata", "headers", "variables"]);

/** Paths of every object in `value` whose keys the schema checks. */
function strictObjectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => strictObjectPaths(item, [...path, index]));
  if (typeof value !== "object" || value === null) return [];
  const last = path[path.length - 1];
  if (typeof last === "string" && FREE_FORM.has(last)) {
    // Values inside prompt variables are typed input objects again.
    return last === "variables"
      ? Object.entries(value).flatMap(([key, inner]) => strictObjectPaths(inner, [...path, key]))
      : [];
  }
  return [path, ...Object.entries(value).flatMap(([key, inner]) => strictObjectPaths(inner, [...path, key]))];
}

/** A deep copy of `value` with `next` set at `path`, creating missing objects on the way. */
function setDeep(value: unknown, path: Path, next: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const segment of path.slice(0, -1)) {
    const inner = target[segment];
    if (typeof inner !== "object" || inner === null) target[segment] = {};
    target = target[segment] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) target[last] = next;
  return copy;
}

interface Mutation {
  value: unknown;
  path: string;
  code: string;
}

type Session = Record<string, unknown>;

const mutations: fc.Arbitrary<(session: Session) => Mutation>[] = [
  fc.oneof(fc.double({ min: 1.5, max: 100, minExcluded: true, noNaN: true }), fc.double({ min: -5, max: 0.25, maxExcluded: true, noNaN: true }))
    .map((speed) => (session: Session) => ({
      value: setDeep(setDeep(session, ["audio", "output"], {}), ["audio", "output", "speed"], speed),
      path: "audio.output.speed",
      code: speed > 1.5 ? "decimal_above_max_value" : "decimal_below_min_value",
    })),
  fc.oneof(fc.integer({ min: 4097 }), fc.integer({ max: 0 })).map((tokens) => (session: Session) => ({
    value: { ...session, max_output_tokens: tokens },
    path: "max_output_tokens",
    code: tokens > 4096 ? "integer_above_max_value" : "integer_below_min_value",
  })),
  fc.oneof(fc.integer({ min: 30001 }), fc.integer({ max: 4999 })).map((ms) => (session: Session) => ({
    value: setDeep(session, ["audio", "input", "turn_detection"], { type: "server_vad", idle_timeout_ms: ms }),
    path: "audio.input.turn_detection.idle_timeout_ms",
    code: ms > 30000 ? "integer_above_max_value" : "integer_below_min_value",
  })),
  fc.string().filter((mode) => mode !== "text" && mode !== "audio").map((mode) => (session: Session) => ({
    value: { ...session, output_modalities: [mode] },
    path: "output_modalities[0]",
    code: "invalid_value",
  })),
  fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)).map((instructions) => (session: Session) => ({
    value: { ...session, instructions },
    path: "instructions",
    code: "invalid_type",
  })),
  fc.nat().map((pick) => (session: Session) => {
    const paths = strictObjectPaths(session);
    const path = paths[pick % paths.length] ?? [];
    return { value: setDeep(session, [...path, "zz_unknown"], 1), path: dotted([...path, "zz_unknown"]), code: "unknown_parameter" };
  }),
];

const expectNamed = (issues: SchemaIssue[]): void => {
  for (const issue of issues) expect(issue.message).toContain(`'${issue.path}'`);
};

describe("property: valid bodies", () => {
  it("a GA session survives validation and a JSON round trip unchanged", () => {
    fc.assert(
      fc.property(realtimeSession, (session) => {
        expect(validate(RealtimeSessionCreateRequestGA, session)).toEqual({ ok: true, value: session });
        const revived: unknown = JSON.parse(JSON.stringify(session));
        expect(validate(RealtimeSessionCreateRequestGA, revived)).toEqual({ ok: true, value: session });
      }),
      { numRuns: 300 },
    );
  });

  it("a client secret request survives validation and a JSON round trip unchanged", () => {
    fc.assert(
      fc.property(clientSecretRequest, (body) => {
        const revived: unknown = JSON.parse(JSON.stringify(body));
        expect(validate(RealtimeCreateClientSecretRequest, revived)).toEqual({ ok: true, value: body });
      }),
      { numRuns: 200 },
    );
  });
});

describe("property: invalid bodies", () => {
  it("one mutation gives exactly one issue at the mutated path, naming it", () => {
    fc.assert(
      fc.property(realtimeSession, fc.oneof(...mutations), (session, mutate) => {
        const { value, path, code } = mutate(session);
        const result = validate(RealtimeSessionCreateRequestGA, value);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([[path, code]]);
        expectNamed(result.issues);
      }),
      { numRuns: 500 },
    );
  });

  it("a mutated session inside a client secret request is reported under session.", () => {
    fc.assert(
      fc.property(realtimeSession, fc.oneof(...mutations), (session, mutate) => {
        const { value, path, code } = mutate(session);
        const result = validate(RealtimeCreateClientSecretRequest, { session: value });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([[`session.${path}`, code]]);
        expectNamed(result.issues);
      }),
      { numRuns: 300 },
    );
  });
});
