import { describe, expect, it } from "vitest";
import { compileMatcher, compileRoutes, sipUri } from "../../../src/calls/match";
import type { CallRoute } from "../../../src/schemas/call-routes";

describe("compileMatcher", () => {
  it.each([
    ["sip:+14155550123@x", "sip:+14155550123@x", true],
    ["sip:+14155550123@x", "sip:+14155550123@y", false],
    ["sip:+1415*", "sip:+14155550123@x", true],
    ["sip:+1415*", "sip:+12125550123@x", false],
    ["sip:+1415555012?@x", "sip:+14155550123@x", true],
    ["sip:+1415555012?@x", "sip:+141555501234@x", false],
    ["a.b", "axb", false],
    ["/^sip:\\+44/", "sip:+442071234567@uk", true],
    ["/^SIP:/i", "sip:+1@x", true],
    ["/gold/g", "gold", true],
  ])("%s against %s -> %s", (pattern, value, expected) => {
    const test = compileMatcher(pattern);
    expect(test(value)).toBe(expected);
    expect(test(value)).toBe(expected); // stateless: a /g flag must not make the second call differ
  });

  it("names an invalid regular expression", () => {
    expect(() => compileMatcher("/(/")).toThrow(/^Invalid regular expression \/\(\/: /);
  });

  it.each([
    ["sip:*@*.*.trusted.example", "sip:a@b.c.trusted.example", true],
    ["sip:*@*.*.trusted.example", "sip:a@b.trusted.example", false],
    ["*", "", true],
    ["**", "x", true],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["*ab*ab*", "xabyab", true],
    ["*ab*ab*", "xaby", false],
    ["?*?", "a", false],
    ["?*?", "ab", true],
    ["*.example", "x.example", true],
    ["*.example", "xexample", false],
    ["a?c*", "abcdef", true],
    ["*a?c", "xxabcxabc", true],
    ["*a?c", "xxabcxab", false],
    ["sip:+1415*", "SIP:+14155550123@x", false],
  ])("glob %s against %s -> %s", (pattern, value, expected) => {
    expect(compileMatcher(pattern)(value)).toBe(expected);
  });

  it.each([
    ["/(a)\\1/", "backreferences"],
    ["/(?=a)b/", "lookaround"],
    ["/(?<!a)b/", "lookaround"],
  ])("refuses %s, which only a backtracking engine runs", (pattern) => {
    expect(() => compileMatcher(pattern)).toThrow(/not supported by the linear-time matcher \(no backreferences or lookaround\)/);
  });

  it("keeps the i, m and s flags", () => {
    expect(compileMatcher("/^a.b$/s")("a\nb")).toBe(true);
    expect(compileMatcher("/^a.b$/")("a\nb")).toBe(false);
    expect(compileMatcher("/^b$/m")("a\nb")).toBe(true);
  });
});

describe("sipUri", () => {
  it.each([
    ['"Alice" <sip:+1415@example.com>;tag=1', "sip:+1415@example.com"],
    ["<sip:+1415@example.com>", "sip:+1415@example.com"],
    ["sip:+1415@example.com;tag=2", "sip:+1415@example.com"],
    ['"A \\"quoted\\" <sip:fake@x>" <sip:real@x>;tag=1', "sip:real@x"],
    ['"<sip:+14155550001@gold.example>" <sip:attacker@evil.example>', "sip:attacker@evil.example"],
    ["sip:+14155550001 <sip:attacker@evil.example>", "sip:attacker@evil.example"],
    ["Bob <sip:bob@x>", "sip:bob@x"],
    ["  <sip:bob@x> ; tag=2", "sip:bob@x"],
  ])("%s -> %s", (value, uri) => expect(sipUri(value)).toBe(uri));

  it.each([
    ['"unterminated <sip:a@x>'],
    ['"name" sip:a@x'],
    ["<sip:a@x"],
    ["<>"],
    ["<sip:a@x> trailing"],
    ["sip:a@x extra"],
    [""],
    ['"a" <sip:b@x> <sip:c@x>'],
  ])("%s is not a SIP address", (value) => expect(sipUri(value)).toBeUndefined());
});

describe("to/from match the SIP URI, never the display text", () => {
  const match = compileRoutes([
    { match: { to: "sip:+14155550001@gold.example" }, action: "reject", statusCode: 480 },
    { match: { from: "sip:+1415*" }, action: "reject", statusCode: 486 },
  ]);

  it.each([
    [[{ name: "To", value: '"<sip:+14155550001@gold.example>" <sip:attacker@evil.example>' }], -1],
    [[{ name: "To", value: '"sip:+14155550001@gold.example" <sip:attacker@evil.example>' }], -1],
    [[{ name: "From", value: "sip:+14155550001 <sip:attacker@evil.example>" }], -1],
    [[{ name: "From", value: '"\\"<sip:+14155550001@x>" <sip:attacker@evil.example>' }], -1],
    [[{ name: "To", value: '"Gold" <sip:+14155550001@gold.example>;tag=1' }], 0],
    [[{ name: "From", value: "<sip:+14155550002@x>" }], 1],
  ])("%j -> %i", (headers, expected) => expect(match(headers)).toBe(expected));

  it("a call carrying two From headers (or the compact form beside the long one) matches no from route", () => {
    expect(match([{ name: "From", value: "<sip:+14155550002@x>" }, { name: "From", value: "<sip:evil@x>" }])).toBe(-1);
    expect(match([{ name: "f", value: "<sip:+14155550002@x>" }])).toBe(1);
    expect(match([{ name: "f", value: "<sip:evil@x>" }, { name: "From", value: "<sip:+14155550002@x>" }])).toBe(-1);
  });
});

describe("compileRoutes", () => {
  const routes: CallRoute[] = [
    { match: { to: "sip:+1415*", headers: { "X-Tier": "gold" } }, action: "reject", statusCode: 480 },
    { match: { to: "sip:+1415*" }, action: "reject", statusCode: 486 },
    { match: { from: "/^sip:\\+44/" }, action: "refer", targetUri: "tel:+1" },
  ];
  const match = compileRoutes(routes);

  it("returns the first route whose every condition holds", () => {
    expect(match([{ name: "To", value: "<sip:+14155550123@x>" }, { name: "x-tier", value: "gold" }])).toBe(0);
    expect(match([{ name: "to", value: "sip:+14155550123@x" }, { name: "X-Tier", value: "silver" }])).toBe(1);
    expect(match([{ name: "From", value: '"UK" <sip:+4420@uk>;tag=3' }])).toBe(2);
    expect(match([{ name: "To", value: "sip:+1212@x" }])).toBe(-1);
  });

  it("matches every call with an empty or missing match", () => {
    expect(compileRoutes([{ action: "reject" }])([])).toBe(0);
    expect(compileRoutes([{ match: {}, action: "reject" }])([{ name: "To", value: "x" }])).toBe(0);
  });

  it("names the route and the field of an invalid regular expression", () => {
    expect(() => compileRoutes([{ match: { headers: { "X-A": "/[/" } }, action: "reject" }])).toThrow(/^callRoutes\[0\]\.match\.headers\.X-A: Invalid regular expression/);
    expect(() => compileRoutes([{ action: "reject" }, { match: { from: "/(a)\\1/" }, action: "reject" }])).toThrow(
      /^callRoutes\[1\]\.match\.from: Invalid regular expression \/\(a\)\\1\/: not supported/,
    );
  });

  it("lets no condition hold on a header longer than the cap", () => {
    const any = compileRoutes([{ match: { from: "*" }, action: "reject" }, { match: { headers: { "X-A": "*" } }, action: "reject" }]);
    expect(any([{ name: "From", value: `sip:${"a".repeat(9000)}@x` }])).toBe(-1);
    expect(any([{ name: "X-A", value: "a".repeat(9000) }])).toBe(-1);
    expect(any([{ name: "X-A", value: "a".repeat(8000) }])).toBe(1);
    const lifted = compileRoutes([{ match: { from: "*" }, action: "reject" }], { maxHeaderLength: 65_536 });
    expect(lifted([{ name: "From", value: `sip:${"a".repeat(9000)}@x` }])).toBe(0);
  });
});
