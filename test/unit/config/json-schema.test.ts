import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_FILE, realtimeJsonSchema } from "../../../src/config";
import { VALID } from "./files";

const shipped = path.join(__dirname, "..", "..", "..", JSON_SCHEMA_FILE);

describe("the JSON Schema of realtime.yaml", () => {
  it("is up to date with the zod schemas (regenerate with `npm run schema`)", () => {
    expect(fs.readFileSync(shipped, "utf8")).toBe(`${JSON.stringify(realtimeJsonSchema(), null, 2)}\n`);
  });

  it("is shipped in the package", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain(`${path.dirname(JSON_SCHEMA_FILE)}/`);
  });

  it("accepts a valid file and refuses unknown keys, wrong types and unknown actions, as an editor would", () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const check = ajv.compile(JSON.parse(fs.readFileSync(shipped, "utf8")) as object);
    expect(check(parse(VALID))).toBe(true);
    const bad = (yaml: string): string[] => {
      expect(check(parse(yaml))).toBe(false);
      return (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
    };
    expect(bad("templatez: {}\n")).toContain(" must NOT have additional properties");
    expect(bad("templates:\n  a:\n    session: { type: realtime, colour: red }\n")).toContain(
      "/templates/a/session must NOT have additional properties",
    );
    expect(bad("clientSecrets:\n  web: { template: a, expiresAfterSeconds: 5 }\n")).toContain(
      "/clientSecrets/web/expiresAfterSeconds must be >= 10",
    );
    expect(bad("callRoutes:\n  - action: forward\n")).toContain("/callRoutes/0/action must be equal to constant");
    expect(bad("tokenEndpoints:\n  web: { template: a }\n")).toContain("/tokenEndpoints/web must have required property 'auth'");
    expect(bad('tokenEndpoints:\n  web: { template: a, auth: bearer, allowedOrigins: ["https://a.example.com/x"] }\n')).toEqual([
      expect.stringMatching(/^\/tokenEndpoints\/web\/allowedOrigins\/0 must match pattern /),
    ]);
    expect(bad("tokenEndpoints:\n  web: { template: a, auth: basic }\n")).toContain(
      "/tokenEndpoints/web/auth must be equal to one of the allowed values",
    );
  });
});
