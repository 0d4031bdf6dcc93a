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

/** The URI between `<` at `open` and its `>`, with nothing but `;params` after it; undefined otherwise. */
function bracketed(value: string, open: number): string | undefined {
  const close = value.indexOf(">", open + 1);
  if (close < 0) return undefined;
  const uri = value.slice(open + 1, close).trim();
  const rest = value.slice(close + 1).trim();
  if (uri === "" || /[\s"<]/.test(uri) || (rest !== "" && !rest.startsWith(";")) || rest.includes("<")) return undefined;
  return uri;
}

/**
 * The SIP URI of a `To`/`From` header value, parsed as RFC 3261's
 * `name-addr` (`"display name" <uri>;params`, the quoted name with `\`
 * escapes, or an unquoted name) or `addr-spec` (`uri;params`):
 * `"Alice" <sip:+1415@example.com>;tag=1` -> `sip:+1415@example.com`.
 * Undefined when the value is neither (an unterminated quote, a missing
 * `>`, text after the address): such a header matches no route.
 *
 * @example
 * sipUri('"<sip:+1415@gold>" <sip:mallory@evil>') // "sip:mallory@evil": display text is never the address
 */
export function sipUri(value: string): string | undefined {
  let at = value.length - value.trimStart().length;
  if (value[at] === '"') {
    for (at += 1; ; at++) {
      if (at >= value.length) return undefined;
      if (value[at] === "\\") at += 1;
      else if (value[at] === '"') break;
    }
    const open = value.indexOf("<", at + 1);
    if (open < 0 || value.slice(at + 1, open).trim() !== "") return undefined;
    return bracketed(value, open);
  }
  const open = value.indexOf("<", at);
  if (open >= 0) {
    // An unquoted display name: text without quotes or escapes.
    return /["\\>]/.test(value.slice(at, open)) ? undefined : bracketed(value, open);
  }
  const uri = value.slice(at).split(";")[0]!.trim();
  return uri === "" || /[\s">]/.test(uri) ? undefined : uri;
}

type Predicate = (headers: readonly SipHeaderValue[]) => boolean;

/** The long and compact (RFC 3261 7.3.3) names of the headers routes match by URI. */
const URI_HEADERS: Readonly<Record<"to" | "from", readonly string[]>> = { to: ["to", "t"], from: ["from", "f"] };

/**
 * A `to`/`from` condition: the header must appear once (under its long or
 * compact name) and its parsed URI match; the display name never counts.
 */
function uriPredicate(field: "to" | "from", pattern: string, maxLength: number): Predicate {
  const test = compileMatcher(pattern);
  const names = URI_HEADERS[field];
  return (headers) => {
    const found = headers.filter((h) => h.name.length <= 4 && names.includes(h.name.toLowerCase()));
    if (found.length !== 1 || found[0]!.value.length > maxLength) return false;
    const uri = sipUri(found[0]!.value);
    return uri !== undefined && test(uri);
  };
}

function headerPredicate(name: string, pattern: string, maxLength: number): Predicate {
  const test = compileMatcher(pattern);
  const lower = name.toLowerCase();
  return (headers) =>
    headers.some((h) => h.name.length === lower.length && h.name.toLowerCase() === lower && h.value.length <= maxLength && test(h.value.trim()));
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
  if (match?.to !== undefined) add("to", () => uriPredicate("to", match.to!, maxLength));
  if (match?.from !== undefined) add("from", () => uriPredicate("from", match.from!, maxLength));
  for (const [name, pattern] of Object.entries(match?.headers ?? {})) {
    add(`headers.${name}`, () => headerPredicate(name, pattern, maxLength));
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
