import type { CallRoute, CallRouteMatch } from "../schemas/call-routes";

/** A SIP header as the `realtime.call.incoming` webhook lists it. */
export interface SipHeaderValue {
  name: string;
  value: string;
}

/**
 * Compiles one match value: `/re/flags` is a regular expression, a value
 * with `*` or `?` is a glob (`*` any run, `?` one character, anchored at
 * both ends), anything else must equal the header exactly.
 *
 * @throws Error naming the value when a `/.../` regular expression is invalid.
 * @example
 * compileMatcher("sip:+1415*")("sip:+14155550123@sip.example.com") // true
 */
export function compileMatcher(pattern: string): (value: string) => boolean {
  const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(pattern);
  if (regex !== null) {
    let re: RegExp;
    try {
      // `g`/`y` make `test` stateful across calls; a route must answer the same way every time.
      re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ""));
    } catch (error) {
      throw new Error(`Invalid regular expression ${pattern}: ${(error as Error).message}`);
    }
    return (value) => re.test(value);
  }
  if (/[*?]/.test(pattern)) {
    const source = pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
      .join("");
    const re = new RegExp(`^${source}$`, "s");
    return (value) => re.test(value);
  }
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

function headerPredicate(name: string, pattern: string, uriToo: boolean): Predicate {
  const test = compileMatcher(pattern);
  const lower = name.toLowerCase();
  return (headers) =>
    headers.some((h) => {
      if (h.name.toLowerCase() !== lower) return false;
      const value = h.value.trim();
      // To/From carry display names, brackets and tags; a route names the URI.
      return test(value) || (uriToo && test(sipUri(value)));
    });
}

function compileMatch(match: CallRouteMatch | undefined): Predicate {
  const predicates: Predicate[] = [];
  if (match?.to !== undefined) predicates.push(headerPredicate("To", match.to, true));
  if (match?.from !== undefined) predicates.push(headerPredicate("From", match.from, true));
  for (const [name, pattern] of Object.entries(match?.headers ?? {})) {
    predicates.push(headerPredicate(name, pattern, false));
  }
  return (headers) => predicates.every((p) => p(headers));
}

/**
 * Compiles an ordered route list into a function returning the index of the
 * first route whose every condition holds (header names compare
 * case-insensitively), or -1 when none does.
 *
 * @throws Error naming the route index when a regular expression is invalid.
 * @example
 * const match = compileRoutes([{ match: { to: "sip:+1415*" }, action: "reject" }]);
 * match([{ name: "To", value: "<sip:+14155550123@sip.example.com>" }]) // 0
 */
export function compileRoutes(routes: readonly CallRoute[]): (headers: readonly SipHeaderValue[]) => number {
  const compiled = routes.map((route, index) => {
    try {
      return compileMatch(route.match);
    } catch (error) {
      throw new Error(`callRoutes[${index}].match: ${(error as Error).message}`);
    }
  });
  return (headers) => compiled.findIndex((predicate) => predicate(headers));
}
