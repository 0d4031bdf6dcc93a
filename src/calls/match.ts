import { RE2JS } from "re2js";
import type { CallRoute, CallRouteMatch } from "../schemas/call-routes";

/** A SIP header as the `realtime.call.incoming` webhook lists it. */
export interface SipHeaderValue {
  name: string;
  value: string;
}

/**
 * Longest header value a route condition is tested against, in UTF-16 code
 * units; a longer one makes no condition on that header hold. SIP header
 * lines are far shorter; the cap keeps a hostile one from costing time.
 */
export const MAX_HEADER_LENGTH = 8192;

/** Options of {@link compileRoutes}. */
export interface CompileRoutesOptions {
  /** @default {@link MAX_HEADER_LENGTH} */
  maxHeaderLength?: number | undefined;
}

/** JavaScript flags a route's `/regex/` may carry, and what the linear-time engine makes of them. */
const REGEX_FLAGS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  // Unicode is the engine's default; `d` (indices) and `g`/`y` (state across calls) do not change a test.
  u: 0,
  d: 0,
  g: 0,
  y: 0,
};

/**
 * A `/re/flags` route value compiled for RE2's linear-time engine (re2js):
 * time grows with the header's length, never exponentially. Constructs only a
 * backtracking engine runs (backreferences, lookaround) are refused.
 */
function compileRegex(pattern: string, source: string, flags: string): (value: string) => boolean {
  let bits = 0;
  for (const flag of flags) {
    const bit = REGEX_FLAGS[flag];
    if (bit === undefined) throw new Error(`Invalid regular expression ${pattern}: flag '${flag}' is not supported (use i, m, s or u; v has no linear-time equivalent here)`);
    bits |= bit;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, "");
    const backtracking = /\\[1-9]|\(\?<?[=!]|\\k</.test(source);
    throw new Error(
      backtracking
        ? `Invalid regular expression ${pattern}: not supported by the linear-time matcher (no backreferences or lookaround): ${detail}`
        : `Invalid regular expression ${pattern}: ${detail}`,
    );
  }
  return (value) => re.test(value);
}

/** Whether `segment` (where `?` stands for any one character) matches `value` at `at`. */
function segmentAt(value: string, at: number, segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c !== 63 /* ? */ && c !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The first index in `[from, to - segment.length]` where `segment` matches, or -1. */
function findSegment(value: string, segment: string, from: number, to: number): number {
  if (!segment.includes("?")) {
    const at = value.indexOf(segment, from);
    return at >= 0 && at + segment.length <= to ? at : -1;
  }
  for (let at = from; at + segment.length <= to; at++) if (segmentAt(value, at, segment)) return at;
  return -1;
}

/**
 * A glob without backtracking: the text between stars must match at the
 * start, at the end, and in order in between; each piece is placed at its
 * leftmost fit and never moved again (which is exact for `*` globs), so the
 * cost is at most the header's length times the pattern's.
 */
function compileGlob(pattern: string): (value: string) => boolean {
  const parts = pattern.split("*");
  const first = parts[0]!;
  if (parts.length === 1) return (value) => value.length === first.length && segmentAt(value, 0, first);
  const last = parts.at(-1)!;
  const middle = parts.slice(1, -1).filter((p) => p !== "");
  const shortest = parts.reduce((n, p) => n + p.length, 0);
  return (value) => {
    if (value.length < shortest) return false;
    const end = value.length - last.length;
    if (!segmentAt(value, 0, first) || !segmentAt(value, end, last)) return false;
    let at = first.length;
    for (const segment of middle) {
      const found = findSegment(value, segment, at, end);
      if (found < 0) return false;
      at = found + segment.length;
    }
    return true;
  };
}

/**
 * Compiles one match value: `/re/flags` is a regular expression (RE2 syntax,
 * run in linear time; flags i, m, s, u), a value with `*` or `?` is a glob
 * (`*` any run, `?` one character, anchored at both ends), anything else must
 * equal the header exactly.
 *
 * @throws Error naming the value when a `/.../` regular expression is invalid
 *   or needs a backtracking engine (backreferences, lookaround).
 * @example
 * compileMatcher("sip:+1415*")("sip:+14155550123@sip.example.com") // true
 */
export function compileMatcher(pattern: string): (value: string) => boolean {
  const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(pattern);
  if (regex !== null) return compileRegex(pattern, regex[1]!, regex[2]!);
  if (/[*?]/.test(pattern)) return compileGlob(pattern);
  return (value) => value === pattern;
}

/**
 * The bare URI of a `To`/`From` header value:
 * `"Alice" <sip:+1415@example.com>;tag=1` -> `sip:+1415@example.com`.
 */
export function sipUri(value: string): string {
  const angle = /<([^>]*)>/.exec(value);
  if (angle !== null) return angle[1]!.trim();
  return value.split(";")[0]!.trim();
}

type Predicate = (headers: readonly SipHeaderValue[]) => boolean;

function headerPredicate(name: string, pattern: string, uriToo: boolean, maxLength: number): Predicate {
  const test = compileMatcher(pattern);
  const lower = name.toLowerCase();
  return (headers) =>
    headers.some((h) => {
      if (h.name.length !== lower.length || h.name.toLowerCase() !== lower || h.value.length > maxLength) return false;
      const value = h.value.trim();
      // To/From carry display names, brackets and tags; a route names the URI.
      return test(value) || (uriToo && test(sipUri(value)));
    });
}

function compileMatch(match: CallRouteMatch | undefined, field: string, maxLength: number): Predicate {
  const predicates: Predicate[] = [];
  const add = (key: string, build: () => Predicate): void => {
    try {
      predicates.push(build());
    } catch (error) {
      throw new Error(`${field}.${key}: ${(error as Error).message}`);
    }
  };
  if (match?.to !== undefined) add("to", () => headerPredicate("To", match.to!, true, maxLength));
  if (match?.from !== undefined) add("from", () => headerPredicate("From", match.from!, true, maxLength));
  for (const [name, pattern] of Object.entries(match?.headers ?? {})) {
    add(`headers.${name}`, () => headerPredicate(name, pattern, false, maxLength));
  }
  return (headers) => predicates.every((p) => p(headers));
}

/**
 * Compiles an ordered route list into a function returning the index of the
 * first route whose every condition holds (header names compare
 * case-insensitively), or -1 when none does. A decision costs time linear in
 * the headers' length; headers longer than `maxHeaderLength` match nothing.
 *
 * @throws Error naming the route and field (e.g. `callRoutes[1].match.from`)
 *   when a regular expression is invalid or needs a backtracking engine.
 * @example
 * const match = compileRoutes([{ match: { to: "sip:+1415*" }, action: "reject" }]);
 * match([{ name: "To", value: "<sip:+14155550123@sip.example.com>" }]) // 0
 */
export function compileRoutes(
  routes: readonly CallRoute[],
  options: CompileRoutesOptions = {},
): (headers: readonly SipHeaderValue[]) => number {
  const maxLength = options.maxHeaderLength ?? MAX_HEADER_LENGTH;
  const compiled = routes.map((route, index) => compileMatch(route.match, `callRoutes[${index}].match`, maxLength));
  return (headers) => compiled.findIndex((predicate) => predicate(headers));
}
