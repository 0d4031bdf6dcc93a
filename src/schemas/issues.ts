import type { z } from "zod";
import { EXPECTED_PREFIX } from "./kit";
import { describeValue, expectedKind, joinValues, kindOf, patternSource } from "./issue-text";

/**
 * One validation failure, worded like the OpenAI API's own `invalid_request_error`s.
 *
 * - `path`: dotted, array indices in brackets, e.g. `session.tools[0].name` (`""` for the root).
 * - `code`: `unknown_parameter`, `missing_required_parameter`, `invalid_type`, `invalid_value`,
 *   `integer_below_min_value`, `integer_above_max_value`, `decimal_below_min_value`,
 *   `decimal_above_max_value`, `empty_array`, ...
 * - `message`: a full sentence that always names the path.
 */
export interface SchemaIssue {
  path: string;
  message: string;
  code: string;
}

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

/** A zod issue with its path made absolute, as found while walking union branches. */
interface Located {
  issue: Issue;
  at: readonly Segment[];
}

/**
 * Renders a zod path: keys joined with dots, indices in brackets, after an optional prefix.
 *
 * @example
 * formatPath(["tools", 0, "name"], "session"); // "session.tools[0].name"
 */
export function formatPath(path: readonly Segment[], prefix = ""): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const hasInput = (issue: Issue): boolean => "input" in issue;

// Without `reportInput` zod drops the input, and its default message is then the only trace of
// an absent value.
const isMissing = (issue: Issue): boolean =>
  hasInput(issue) ? issue.input === undefined : issue.code === "invalid_type" && / undefined$/.test(issue.message);

const got = (issue: Issue, show: (value: unknown) => string): string =>
  hasInput(issue) ? `, but got ${show(issue.input)} instead` : "";

const NUMBER_BOUND = /^(integer|decimal) (above maximum|below minimum) value$/;

/** Codes that mean "this value is not of the kind wanted" rather than "something inside it is off". */
const MISMATCH_CODES: ReadonlySet<string> = new Set(["invalid_type", "invalid_value", "invalid_union"]);

/**
 * Turns a zod error into API-style issues, one per problem (an object with two unknown keys gives
 * two issues). Messages name the value received when the error was produced with
 * `{ reportInput: true }`, as {@link validate} does.
 *
 * @example
 * const result = RealtimeCallReferRequest.safeParse({ target_uri: 5 }, { reportInput: true });
 * if (!result.success) formatIssues(result.error);
 * // [{ path: "target_uri", code: "invalid_type",
 * //    message: "Invalid type for 'target_uri': expected a string, but got an integer instead." }]
 */
export function formatIssues(error: z.ZodError, prefix = ""): SchemaIssue[] {
  return error.issues.flatMap((issue) => describe({ issue, at: issue.path }, prefix));
}

/**
 * Validates `value` against `schema`, returning the parsed value or API-style issues.
 *
 * @example
 * const result = validate(RealtimeCreateClientSecretRequest, body);
 * if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join(" "));
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): { ok: true; value: z.output<S> } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: formatIssues(result.error, prefix) };
}

function describe({ issue, at }: Located, prefix: string): SchemaIssue[] {
  const path = formatPath(at, prefix);
  const name = path === "" ? "body" : path;
  const one = (code: string, message: string): SchemaIssue[] => [{ path, code, message }];

  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const keyPath = formatPath([...at, key], prefix);
      return { path: keyPath, code: "unknown_parameter", message: `Unknown parameter: '${keyPath}'.` };
    });
  }
  if (MISMATCH_CODES.has(issue.code) && isMissing(issue)) {
    return one("missing_required_parameter", `Missing required parameter: '${name}'.`);
  }
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.message.startsWith(EXPECTED_PREFIX)
        ? issue.message.slice(EXPECTED_PREFIX.length)
        : expectedKind(issue.expected);
      return one("invalid_type", `Invalid type for '${name}': expected ${expected}${got(issue, kindOf)}.`);
    }
    case "invalid_value": {
      const value = hasInput(issue) ? `: ${describeValue(issue.input)}` : "";
      const supported = joinValues(issue.values);
      return one("invalid_value", `Invalid value for '${name}'${value}. Supported values are: ${supported}.`);
    }
    case "too_big":
    case "too_small":
      return describeBound(issue, name, one);
    case "invalid_format": {
      const value = hasInput(issue) ? `: ${describeValue(issue.input)}` : "";
      const expected =
        issue.format === "regex" && "pattern" in issue && typeof issue.pattern === "string"
          ? `a string matching the pattern '${patternSource(issue.pattern)}'`
          : issue.format === "url"
            ? "a valid URL"
            : `a valid ${issue.format}`;
      return one("invalid_value", `Invalid value for '${name}'${value}. Expected ${expected}.`);
    }
    case "invalid_union":
      return describeUnion(issue, at, name, prefix);
    case "custom": {
      const code = typeof issue.params?.["code"] === "string" ? issue.params["code"] : "invalid_value";
      const message = issue.message.includes("{path}")
        ? issue.message.replaceAll("{path}", name)
        : `Invalid '${name}': ${issue.message}`;
      return one(code, message);
    }
    default:
      return one(issue.code, `Invalid '${name}': ${issue.message}.`);
  }
}

function describeBound(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  name: string,
  one: (code: string, message: string) => SchemaIssue[],
): SchemaIssue[] {
  const big = issue.code === "too_big";
  const limit = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    const match = NUMBER_BOUND.exec(issue.message);
    const kind = match?.[1] ?? "decimal";
    const operator = big ? (issue.inclusive === false ? "<" : "<=") : issue.inclusive === false ? ">" : ">=";
    return one(
      `${kind}_${big ? "above_max" : "below_min"}_value`,
      `Invalid '${name}': ${kind} ${big ? "above maximum" : "below minimum"} value. ` +
        `Expected a value ${operator} ${String(limit)}${got(issue, describeValue)}.`,
    );
  }
  const input = hasInput(issue) ? issue.input : undefined;
  const length = typeof input === "string" || Array.isArray(input) ? input.length : undefined;
  const noun = issue.origin === "string" ? "string" : "array";
  const article = noun === "array" ? "an" : "a";
  if (noun === "array" && !big && length === 0) {
    return one(
      "empty_array",
      `Invalid '${name}': empty array. ` +
        `Expected an array with minimum length ${String(limit)}, but got an empty array instead.`,
    );
  }
  const actual = length === undefined ? "" : `, but got ${article} ${noun} with length ${length} instead`;
  return one(
    `${noun}_${big ? "above_max" : "below_min"}_length`,
    `Invalid '${name}': ${noun} too ${big ? "long" : "short"}. ` +
      `Expected ${article} ${noun} with ${big ? "maximum" : "minimum"} length ${String(limit)}${actual}.`,
  );
}

/** How close a union branch came to the input: 0 wrong kind of value, 1 wrong `type`, 2 close. */
function closeness(branch: readonly Issue[]): number {
  let level = 2;
  for (const issue of branch) {
    if (issue.path.length === 0 && MISMATCH_CODES.has(issue.code)) return 0;
    if (issue.path.length === 1 && issue.path[0] === "type" && isTypeMismatch(issue)) level = 1;
  }
  return level;
}

const isTypeMismatch = (issue: Issue): boolean => {
  if (issue.code === "invalid_value") return !isMissing(issue);
  if (issue.code !== "invalid_union" || issue.discriminator === undefined) return false;
  return !hasInput(issue) || discriminatorValue(issue) !== undefined;
};

const unionOptions = (issue: z.core.$ZodIssueInvalidUnion): readonly unknown[] =>
  "options" in issue ? (issue.options ?? []) : [];

function discriminatorValue(issue: z.core.$ZodIssueInvalidUnion): unknown {
  if (!hasInput(issue) || issue.discriminator === undefined) return undefined;
  const input = issue.input;
  if (typeof input !== "object" || input === null) return undefined;
  return (input as Record<string, unknown>)[issue.discriminator];
}

function describeUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  at: readonly Segment[],
  name: string,
  prefix: string,
): SchemaIssue[] {
  const path = formatPath(at, prefix);
  if (issue.discriminator !== undefined) {
    const options = unionOptions(issue).filter((option) => option !== undefined && option !== null);
    const value = discriminatorValue(issue);
    if (hasInput(issue) && value === undefined) {
      return [{ path, code: "missing_required_parameter", message: `Missing required parameter: '${name}'.` }];
    }
    const received = hasInput(issue) ? `: ${describeValue(value)}` : "";
    return [
      {
        path,
        code: "invalid_value",
        message: `Invalid value for '${name}'${received}. Supported values are: ${joinValues(options)}.`,
      },
    ];
  }
  const levels = issue.errors.map(closeness);
  const best = Math.max(...levels);
  const candidates = issue.errors.filter((_, index) => levels[index] === best);
  if (best === 2 || (best === 1 && candidates.length === 1)) {
    const chosen = candidates.reduce((a, b) => (b.length < a.length ? b : a));
    return chosen.flatMap((inner) => describe({ issue: inner, at: [...at, ...inner.path] }, prefix));
  }
  if (best === 1) return mergedTypeMismatch(candidates, at, prefix);
  const expected = issue.message.startsWith(EXPECTED_PREFIX)
    ? issue.message.slice(EXPECTED_PREFIX.length)
    : derivedExpectation(issue.errors);
  const allTypes = issue.errors.every((branch) => branch.every((inner) => inner.code === "invalid_type"));
  if (allTypes) {
    const message = `Invalid type for '${name}': expected ${expected}${got(issue, kindOf)}.`;
    return [{ path, code: "invalid_type", message }];
  }
  const message = `Invalid value for '${name}': expected ${expected}${got(issue, describeValue)}.`;
  return [{ path, code: "invalid_value", message }];
}

/** Several object branches differ only in `type`: report one issue listing every accepted `type`. */
function mergedTypeMismatch(
  branches: readonly (readonly Issue[])[],
  at: readonly Segment[],
  prefix: string,
): SchemaIssue[] {
  const values: unknown[] = [];
  let received: unknown;
  for (const branch of branches) {
    for (const issue of branch) {
      if (issue.path.length !== 1 || issue.path[0] !== "type") continue;
      if (issue.code === "invalid_value") {
        values.push(...issue.values);
        received = issue.input;
      } else if (issue.code === "invalid_union") {
        values.push(...unionOptions(issue));
        received = discriminatorValue(issue);
      }
    }
  }
  const path = formatPath([...at, "type"], prefix);
  const unique = [...new Set(values.filter((value) => value !== undefined && value !== null))];
  return [
    {
      path,
      code: "invalid_value",
      message: `Invalid value for '${path}': ${describeValue(received)}. Supported values are: ${joinValues(unique)}.`,
    },
  ];
}

/** Words for what a union accepts, from its branches' failures, when it has no description. */
function derivedExpectation(branches: readonly (readonly Issue[])[]): string {
  const parts: string[] = [];
  for (const branch of branches) {
    const root = branch.find((issue) => issue.path.length === 0);
    if (root?.code === "invalid_type") parts.push(expectedKind(root.expected));
    else if (root?.code === "invalid_value") parts.push(joinValues(root.values));
  }
  const unique = [...new Set(parts)];
  if (unique.length === 0) return "a different value";
  if (unique.length === 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1] ?? ""}`;
}
