// The `tokenEndpoints` section: defaults, positions of every problem, the template reference and
// the split files, as for every other section.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRealtimeConfig, originProblem } from "../../../src/config";
import { TokenEndpointOrigin, TokenEndpoints } from "../../../src/token-endpoint";
import { line, writeTree } from "./files";

const TEMPLATES = "templates:\n  concierge:\n    session: { type: realtime, model: gpt-realtime }\n";

function load(files: Record<string, string>) {
  const dir = writeTree(files);
  const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { env: {} });
  return { loaded, lines: loaded.problems.map((p) => line(dir, p)) };
}

describe("realtime.yaml tokenEndpoints", () => {
  it("loads an endpoint as written and fills in the default lifetime", () => {
    const { loaded } = load({
      "realtime.yaml": [
        TEMPLATES,
        "tokenEndpoints:",
        "  # The website's endpoint.",
        "  web:",
        "    template: concierge",
        "    expiresAfterSeconds: 120",
        '    allowedOrigins: ["https://app.example.com", "http://localhost:5173", "http://[::1]:8080"]',
        "    rateLimit: { perMinute: 30, burst: 10 }",
        "    auth: bearer",
        "  kiosk:",
        "    template: concierge",
        "    auth: none",
        "",
      ].join("\n"),
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.tokenEndpoints).toEqual({
      web: {
        template: "concierge",
        expiresAfterSeconds: 120,
        allowedOrigins: ["https://app.example.com", "http://localhost:5173", "http://[::1]:8080"],
        rateLimit: { perMinute: 30, burst: 10 },
        auth: "bearer",
      },
      kiosk: { template: "concierge", expiresAfterSeconds: 60, auth: "none" },
    });
    // With a template's session and revision, each entry is what the token service reads.
    const session = { type: "realtime", model: "gpt-realtime" };
    const published = Object.fromEntries(
      Object.entries(loaded.config.tokenEndpoints ?? {}).map(([name, entry]) => [name, { ...entry, revision: "r1", session }]),
    );
    expect(TokenEndpoints.safeParse(published).success).toBe(true);
    const web = loaded.entries.find((e) => e.section === "tokenEndpoints" && e.name === "web");
    expect(web?.location).toMatchObject({ line: 7, column: 3 });
    expect(web?.comments).toEqual(["The website's endpoint."]);
    expect(web?.locate(["rateLimit", "burst"])).toMatchObject({ line: 11, column: 33 });
  });

  it("requires auth, naming the allowed values, and a template", () => {
    const { lines } = load({ "realtime.yaml": `${TEMPLATES}tokenEndpoints:\n  web: { expiresAfterSeconds: 60 }\n` });
    expect(lines).toEqual([
      "realtime.yaml:5:3 schema: Missing required parameter: 'tokenEndpoints.web.template'.",
      "realtime.yaml:5:3 schema: Missing required parameter: 'tokenEndpoints.web.auth'. " +
        "Supported values are: 'bearer', 'jwt', 'none' (write 'none' to let anyone mint tokens).",
    ]);
  });

  it("reports wrong values at their field with the allowed ones", () => {
    const { lines } = load({
      "realtime.yaml": [
        TEMPLATES,
        "tokenEndpoints:",
        "  web:",
        "    template: concierge",
        "    expiresAfterSeconds: 9000",
        "    allowedOrigins:",
        "      - https://app.example.com/",
        "      - https://app.example.com/login",
        "      - https://App.Example.com:443",
        "      - app.example.com",
        "    rateLimit: { perMinute: 0, burst: 1.5, perHour: 3 }",
        "    auth: basic",
        "    cors: true",
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:8:5 schema: Invalid 'tokenEndpoints.web.expiresAfterSeconds': integer above maximum value. Expected a value <= 7200, but got 9000 instead.",
      "realtime.yaml:10:9 schema: Invalid value for 'tokenEndpoints.web.allowedOrigins[0]': 'https://app.example.com/'. Browsers send this origin as 'https://app.example.com'; write it that way.",
      "realtime.yaml:11:9 schema: Invalid value for 'tokenEndpoints.web.allowedOrigins[1]': 'https://app.example.com/login'. An origin has no path, query or credentials. Expected an origin 'http(s)://host[:port]' such as 'https://app.example.com', or '*'.",
      "realtime.yaml:12:9 schema: Invalid value for 'tokenEndpoints.web.allowedOrigins[2]': 'https://App.Example.com:443'. Browsers send this origin as 'https://app.example.com'; write it that way.",
      "realtime.yaml:13:9 schema: Invalid value for 'tokenEndpoints.web.allowedOrigins[3]': 'app.example.com'. Expected an origin 'http(s)://host[:port]' such as 'https://app.example.com', or '*'.",
      "realtime.yaml:14:18 schema: Invalid 'tokenEndpoints.web.rateLimit.perMinute': integer below minimum value. Expected a value >= 1, but got 0 instead.",
      "realtime.yaml:14:32 schema: Invalid type for 'tokenEndpoints.web.rateLimit.burst': expected an integer, but got a decimal instead.",
      "realtime.yaml:14:44 schema: Unknown parameter: 'tokenEndpoints.web.rateLimit.perHour'.",
      "realtime.yaml:15:5 schema: Invalid value for 'tokenEndpoints.web.auth': 'basic'. Supported values are: 'bearer', 'jwt', 'none'.",
      "realtime.yaml:16:5 schema: Unknown parameter: 'tokenEndpoints.web.cors'.",
    ]);
  });

  it("accepts '*' in the schema (the policy rules judge it)", () => {
    const { loaded } = load({ "realtime.yaml": `${TEMPLATES}tokenEndpoints:\n  web: { template: concierge, allowedOrigins: ["*"], auth: jwt }\n` });
    expect(loaded.problems).toEqual([]);
  });

  it("reports a dangling template name at the field, listing the declared ones", () => {
    const { lines } = load({ "realtime.yaml": `${TEMPLATES}tokenEndpoints:\n  web:\n    template: concierj\n    auth: bearer\n` });
    expect(lines).toEqual([
      "realtime.yaml:6:5 reference: Unknown template 'concierj' in 'tokenEndpoints.web.template'. Defined templates are: 'concierge'.",
    ]);
  });

  it("merges endpoints from realtime.d and reports one defined twice at both places", () => {
    const { loaded, lines } = load({
      "realtime.yaml": `${TEMPLATES}tokenEndpoints:\n  web: { template: concierge, auth: bearer }\n`,
      "realtime.d/mobile.yaml": "tokenEndpoints:\n  mobile: { template: concierge, auth: jwt }\n  web: { template: concierge, auth: none }\n",
    });
    expect(Object.keys(loaded.config.tokenEndpoints ?? {})).toEqual(["web", "mobile"]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^realtime\.d\/mobile\.yaml:3:3 duplicate: Duplicate entry 'tokenEndpoints\.web': defined at .*realtime\.yaml:5:3 and again at .*mobile\.yaml:3:3\.$/,
      ),
    ]);
  });
});

describe("originProblem", () => {
  // Each is also an origin the token service's definitions accept: realtime.yaml is the stricter.
  it.each(["*", "https://app.example.com", "http://localhost:5173", "https://xn--bcher-kva.example", "http://127.0.0.1:3000", "http://[::1]:8080"])(
    "accepts %s",
    (origin) => {
      expect(originProblem(origin)).toBeUndefined();
      expect(TokenEndpointOrigin.safeParse(origin).success).toBe(true);
    },
  );

  it.each(["", "https://", "https://app.example.com?x=1", "https://user@app.example.com", "capacitor://localhost", "https://*.example.com", "*.example.com", "ftp://example.com"])(
    "refuses %j",
    (origin) => expect(originProblem(origin)).toBeTypeOf("string"),
  );
});
