// `pulumi-openai-realtime validate` on good, bad-policy, bad-schema, broken and unreadable files,
// with its exit codes, formats, policy config and inline suppressions.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { STACK_TRACE, cli } from "./cli";

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-validate-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("validate", () => {
  it("exits 0 on a good file", async () => {
    const run = await cli(["validate", "good.yaml"]);
    expect(run).toEqual({ code: 0, stdout: "No problems in 1 file.\n", stderr: "" });
  });

  it("exits 1 with file:line:col, entry, field and rule id for policy findings", async () => {
    const run = await cli(["validate", "bad-policy.yaml"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^bad-policy\.yaml:6:7: error \[OAIRT001 openai-realtime-allowed-models\] templates\.concierge session\.model: session\.model 'gpt-4o-realtime-preview' is not an allowed model\. Allowed: 'gpt-realtime', /,
    );
    expect(lines.slice(1)).toEqual([
      "bad-policy.yaml:13:5: warning [OAIRT008 openai-realtime-missing-output-token-limit] templates.chatty session.max_output_tokens: session.max_output_tokens is not set, so it defaults to 'inf'; set a limit of at most 4096.",
      "bad-policy.yaml:19:5: error [OAIRT003 openai-realtime-client-secret-max-ttl] clientSecrets.web expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds.",
      "2 errors, 1 warning, 0 suppressed in 1 file.",
    ]);
  });

  it("exits 1 naming the field and the schema reason for schema and reference problems", async () => {
    const run = await cli(["validate", "bad-schema.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "bad-schema.yaml:10:11: error [schema] templates.concierge session.audio.output.speed: Invalid 'templates.concierge.session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 3 instead.",
      "bad-schema.yaml:13:5: error [reference] clientSecrets.web template: Unknown template 'conciege' in 'clientSecrets.web.template'. Defined templates are: 'concierge'.",
      "2 errors, 0 warnings, 0 suppressed in 1 file.",
    ]);
  });

  it("judges token endpoints with the endpoint rules and the schema, at the field", async () => {
    const run = await cli(["validate", "token-endpoints.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "token-endpoints.yaml:13:5: error [OAIRT011 openai-realtime-token-endpoint-max-ttl] tokenEndpoints.web expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 300 seconds.",
      "token-endpoints.yaml:14:49: error [OAIRT012 openai-realtime-disallow-wildcard-origin] tokenEndpoints.web allowedOrigins[1]: allowedOrigins[1] is '*': any web page could mint tokens from this endpoint; list the app's origins instead.",
      "token-endpoints.yaml:18:5: error [OAIRT013 openai-realtime-disallow-unauthenticated-token-endpoint] tokenEndpoints.kiosk auth: auth is 'none': anyone who can reach this endpoint mints tokens billed to the project; use 'bearer' or 'jwt'.",
      "token-endpoints.yaml:22:5: suppressed [OAIRT013 openai-realtime-disallow-unauthenticated-token-endpoint] tokenEndpoints.lobby auth: auth is 'none': anyone who can reach this endpoint mints tokens billed to the project; use 'bearer' or 'jwt'. (suppressed: the lobby screen has no credentials to send, until 2099-12-31)",
      "token-endpoints.yaml:23:3: error [schema] tokenEndpoints.partner auth: Missing required parameter: 'tokenEndpoints.partner.auth'. Supported values are: 'bearer', 'jwt', 'none' (write 'none' to let anyone mint tokens).",
      "token-endpoints.yaml:25:22: error [schema] tokenEndpoints.partner allowedOrigins[0]: Invalid value for 'tokenEndpoints.partner.allowedOrigins[0]': 'https://partner.example.com/app'. An origin has no path, query or credentials. Expected an origin 'http(s)://host[:port]' such as 'https://app.example.com', or '*'.",
      "5 errors, 0 warnings, 1 suppressed in 1 file.",
    ]);
    const config = tempFile(
      "policy.json",
      JSON.stringify({ "openai-realtime-token-endpoint-max-ttl": { maxSeconds: 3600 }, OAIRT012: "advisory", OAIRT013: { allowUnauthenticated: true } }),
    );
    const relaxed = await cli(["validate", "token-endpoints.yaml", "--policy-config", config]);
    expect(relaxed.stdout).not.toContain("OAIRT011");
    expect(relaxed.stdout).not.toContain("OAIRT013");
    expect(relaxed.stdout).toMatch(/^token-endpoints\.yaml:14:49: warning \[OAIRT012 /m);
    expect(relaxed.stdout).toContain("2 errors, 1 warning, 0 suppressed in 1 file.");
  });

  it("exits 2 on broken YAML, without a stack trace", async () => {
    const run = await cli(["validate", "broken.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^broken\.yaml:4:1: error \[syntax\]: YAML syntax error: /);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it("exits 2 on an unreadable file", async () => {
    const run = await cli(["validate", "missing.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("missing.yaml:1:1: error [io]: Cannot read 'missing.yaml'");
  });

  it("exits 2 on command-line mistakes, naming the allowed values", async () => {
    expect(await cli(["validate"])).toMatchObject({ code: 2, stderr: expect.stringContaining("Name at least one realtime.yaml file.") });
    expect(await cli(["validate", "good.yaml", "--format", "xml"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown --format 'xml'. Allowed: text, json, sarif."),
    });
  });

  it("reads thresholds and levels from --policy-config", async () => {
    const config = tempFile("policy.json", JSON.stringify({ "openai-realtime-client-secret-max-ttl": { maxSeconds: 300 }, OAIRT001: "advisory" }));
    const run = await cli(["validate", "good.yaml", "--policy-config", config]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "good.yaml:15:5: error [OAIRT003 openai-realtime-client-secret-max-ttl] clientSecrets.web expiresAfterSeconds: expiresAfterSeconds 600 exceeds the maximum of 300 seconds.",
    );
    const demoted = await cli(["validate", "bad-policy.yaml", "--policy-config", config]);
    expect(demoted.stdout).toMatch(/bad-policy\.yaml:6:7: warning \[OAIRT001 /);
  });

  it("refuses a bad policy config with exit 2, naming the key and allowed values", async () => {
    const config = tempFile("policy.json", JSON.stringify({ "openai-realtime-client-secret-max-ttl": { maxSeconds: "ten" } }));
    const run = await cli(["validate", "good.yaml", "--policy-config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'openai-realtime-client-secret-max-ttl.maxSeconds' must be an integer between 10 and 7200.");
    const broken = tempFile("policy.json", "{ not json");
    expect((await cli(["validate", "good.yaml", "--policy-config", broken])).stderr).toContain("is not valid JSON");
  });

  it("shows suppressed findings as suppressed, expires them, and requires a reason", async () => {
    const run = await cli(["validate", "suppressed.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "suppressed.yaml:11:5: suppressed [OAIRT003 openai-realtime-client-secret-max-ttl] clientSecrets.kiosk expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds. (suppressed: kiosk screens hold one token per shift, until 2099-12-31)",
      "suppressed.yaml:16:5: error [OAIRT003 openai-realtime-client-secret-max-ttl] clientSecrets.old expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds. (its suppression expired after 2020-01-01)",
      "suppressed.yaml:19:3: error [suppression] clientSecrets.lazy: The suppression of OAIRT003 needs a reason: # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD].",
      "suppressed.yaml:21:5: error [OAIRT003 openai-realtime-client-secret-max-ttl] clientSecrets.lazy expiresAfterSeconds: expiresAfterSeconds 3600 exceeds the maximum of 600 seconds.",
      "3 errors, 0 warnings, 1 suppressed in 1 file.",
    ]);
  });

  it("exits 0 when the only finding is suppressed", async () => {
    const file = tempFile(
      "realtime.yaml",
      [
        "clientSecrets:",
        "  # openai-realtime:ignore OAIRT003 kiosk screens hold one token per shift",
        "  kiosk:",
        "    session: { type: realtime, model: gpt-realtime, max_output_tokens: 512 }",
        "    expiresAfterSeconds: 3600",
        "    rotateBeforeSeconds: 600",
        "",
      ].join("\n"),
    );
    const run = await cli(["validate", "realtime.yaml"], path.dirname(file));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 errors, 0 warnings, 1 suppressed in 1 file.");
  });

  it("prints JSON with every result and the exit code", async () => {
    const run = await cli(["validate", "bad-schema.yaml", "--format", "json"]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { files: string[]; results: Array<Record<string, unknown>>; summary: unknown };
    expect(output.files).toEqual(["bad-schema.yaml"]);
    expect(output.results[0]).toEqual({
      ruleId: "schema",
      origin: "schema",
      level: "error",
      file: "bad-schema.yaml",
      line: 10,
      column: 11,
      entry: "templates.concierge",
      path: "templates.concierge.session.audio.output.speed",
      message:
        "Invalid 'templates.concierge.session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 3 instead.",
    });
    expect(output.summary).toEqual({ errors: 2, warnings: 0, suppressed: 0, exitCode: 1 });
  });

  it("validates several files and a realtime.d folder in one run", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-validate-"));
    fs.copyFileSync(path.join(__dirname, "fixtures", "good.yaml"), path.join(dir, "realtime.yaml"));
    fs.mkdirSync(path.join(dir, "realtime.d"));
    fs.writeFileSync(
      path.join(dir, "realtime.d", "voices.yaml"),
      "templates:\n  spanish:\n    session: { type: realtime, model: gpt-realtime, max_output_tokens: 512, audio: { output: { voice: pirate } } }\n",
    );
    const run = await cli(["validate", "realtime.yaml"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "realtime.d/voices.yaml:3:96: warning [OAIRT007 openai-realtime-allowed-voices] templates.spanish session.audio.output.voice: session.audio.output.voice 'pirate' is not an allowed voice.",
    );
    expect(run.stdout).toContain("0 errors, 1 warning, 0 suppressed in 2 files.");
  });

  it("prints --help whose example runs as printed", async () => {
    const help = await cli(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pulumi-openai-realtime validate <realtime\.yaml\.\.\.> /);
    const example = /Example:\n\s+(.+)\n/.exec(help.stdout)?.[1] ?? "";
    expect(example).toBe("pulumi-openai-realtime validate realtime.yaml --format sarif > validate.sarif");
    // The command on PATH, as an installed package's bin provides it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-validate-help-"));
    fs.mkdirSync(path.join(dir, "bin"));
    const bin = path.join(dir, "bin", "pulumi-openai-realtime");
    fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, "dist", "cli", "main.js")}" "$@"\n`, { mode: 0o755 });
    fs.copyFileSync(path.join(__dirname, "fixtures", "good.yaml"), path.join(dir, "realtime.yaml"));
    execFileSync("sh", ["-c", example], { cwd: dir, env: { ...process.env, PATH: `${path.dirname(bin)}:${process.env.PATH ?? ""}` } });
    const log = JSON.parse(fs.readFileSync(path.join(dir, "validate.sarif"), "utf8")) as { version: string };
    expect(log.version).toBe("2.1.0");
  });

  it("is listed in the CLI's --help", async () => {
    const help = await cli(["--help"]);
    expect(help.stdout).toContain("validate  check realtime.yaml files against the schemas and policy rules, offline");
  });
});
