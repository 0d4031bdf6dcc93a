// Route matching cost of hostile SIP headers: one 30 KB header (To, From and
// a custom one, all alike) decided against every route shape the router
// supports: exact, globs of one to several stars and `?`, regular expressions
// that a backtracking engine takes exponential time on, a header route, and
// the whole route table of the router's tests. Each decision is timed alone
// (`--runs`, default 50, after a warm-up), twice: with the router's header
// cap (a header over it matches nothing, decided without reading it) and with
// the cap lifted past 30 KB, so the matcher itself reads every byte.
// Target: every decision under 50 ms (reported, not enforced: a garbage
// collection pause on a loaded machine is not the matcher's). Not part of the test suite.
//
//   npm run build && node bench/router-match.ts [--runs 50] [--kb 30] [--json]
//
// CommonJS on purpose (the package is `type: commonjs`), so Node runs it with type stripping alone.
const path = require("node:path") as typeof import("node:path");
const { parseArgs } = require("node:util") as typeof import("node:util");
const { ROOT, median, round, report } = require("./lib.ts");
const { compileRoutes, MAX_HEADER_LENGTH } = require(path.join(ROOT, "dist", "calls", "match.js")) as typeof import("../src/calls/match");

const reject = { action: "reject" } as const;
const SHAPES: Array<[string, Array<Record<string, unknown>>]> = [
  ["exact to", [{ match: { to: "sip:+14155550123@sip.example.com" }, ...reject }]],
  ["glob prefix to", [{ match: { to: "sip:+1415*" }, ...reject }]],
  ["glob 2 stars from", [{ match: { from: "sip:*@*.trusted.example" }, ...reject }]],
  ["glob 3 stars from", [{ match: { from: "sip:*@*.*.trusted.example" }, ...reject }]],
  ["glob 5 stars + ? header", [{ match: { headers: { "X-Route": "*a?a*a?a*a?a*a?ab*" } }, ...reject }]],
  ["regex anchored from", [{ match: { from: "/^sip:\\+44/" }, ...reject }]],
  ["regex (a+)+ from", [{ match: { from: "/^sip:(a+)+$/" }, ...reject }]],
  ["regex (a|aa)+ header", [{ match: { headers: { "X-Route": "/^(a|aa)+$/" } }, ...reject }]],
  ["regex (\\w+\\s?)* header, i", [{ match: { headers: { "X-Route": "/^(\\w+\\s?)*$/i" } }, ...reject }]],
  ["header exact + glob to", [{ match: { to: "sip:+1415*", headers: { "X-Tier": "gold" } }, ...reject }]],
  [
    "route table (8 routes)",
    [
      { match: { to: "sip:+1415*", headers: { "X-Tier": "gold" } }, ...reject },
      { match: { to: "sip:+1415*" }, ...reject },
      { match: { to: "sip:+1800*" }, ...reject },
      { match: { from: "/^sip:\\+44/" }, ...reject },
      { match: { from: "sip:*@*.*.trusted.example" }, ...reject },
      { match: { headers: { "X-Route": "/^(a|aa)+$/" } }, ...reject },
      { match: { headers: { "x-spam": "yes" } }, ...reject },
      { match: { from: "*" }, ...reject },
    ],
  ],
];

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "50" },
      kb: { type: "string", default: "30" },
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
    },
    strict: false,
  });
  const runs = values.quick ? 3 : Number(values.runs);
  const size = Number(values.kb) * 1024;
  // The worst input for these shapes: long runs of what the stars and groups
  // take, ending in something that makes every shape fail at the last byte.
  const half = Math.floor((size - 8) / 2);
  const uri = `sip:${"a".repeat(half)}@${"a.".repeat(Math.floor(half / 2))}`.slice(0, size - 1) + "!";
  const plain = `${"a".repeat(size - 1)}!`;
  const value = uri;
  const headers = [
    { name: "To", value: uri },
    { name: "From", value: uri },
    { name: "X-Route", value: plain },
    { name: "X-Tier", value: plain },
  ];
  const rows: Array<Array<string | number>> = [];
  const figures: Record<string, { cappedMedianMs: number; cappedMaxMs: number; fullMedianMs: number; fullMaxMs: number }> = {};
  let worst = 0;
  for (const [label, routes] of SHAPES) {
    const timings = (maxHeaderLength: number): { median: number; max: number } => {
      const decide = compileRoutes(routes as never, { maxHeaderLength });
      decide(headers); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        decide(headers);
        ms.push(performance.now() - started);
      }
      return { median: median(ms), max: Math.max(...ms) };
    };
    const capped = timings(MAX_HEADER_LENGTH);
    const full = timings(size * 2);
    worst = Math.max(worst, capped.max, full.max);
    figures[label] = { cappedMedianMs: round(capped.median, 3), cappedMaxMs: round(capped.max, 3), fullMedianMs: round(full.median, 3), fullMaxMs: round(full.max, 3) };
    rows.push([label, round(capped.median, 3), round(capped.max, 3), round(full.median, 3), round(full.max, 3)]);
  }
  report("router-match", values.json === true, {
    tables: [
      {
        title: `Router: one ${Math.round(value.length / 1024)} KB header against each route shape, ${runs} decisions each (ms)`,
        columns: ["route shape", `capped (${MAX_HEADER_LENGTH}) median`, "capped max", "cap lifted median", "cap lifted max"],
        rows,
        note: `Target: every decision under 50 ms; slowest here ${round(worst, 2)} ms.`,
      },
    ],
    figures: { headerBytes: value.length, runs, worstMs: round(worst, 3), shapes: figures },
  });
}

main();
