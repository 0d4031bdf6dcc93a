import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRealtimeConfig } from "../../../src/config";
import { splitSecretReferences } from "../../../src/config/references";
import { line, VALID, writeTree } from "./files";

function load(files: Record<string, string>, env: Record<string, string> = {}) {
  const dir = writeTree(files);
  const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { env });
  return { dir, loaded, lines: loaded.problems.map((p) => line(dir, p)) };
}

describe("loadRealtimeConfig: a valid file", () => {
  it("merges every section and keeps each entry's position and comments", () => {
    const { loaded } = load({ "realtime.yaml": VALID });
    expect(loaded.problems).toEqual([]);
    expect(Object.keys(loaded.config.templates ?? {})).toEqual(["concierge", "desk"]);
    expect(loaded.config.clientSecrets?.["web"]).toEqual({ template: "concierge", expiresAfterSeconds: 600, rotateBeforeSeconds: 120 });
    expect(loaded.config.callRoutes?.[1]).toEqual({ match: { from: "*" }, action: "reject", statusCode: 486 });
    const concierge = loaded.entries.find((e) => e.section === "templates" && e.name === "concierge");
    expect(concierge?.location).toMatchObject({ line: 4, column: 3 });
    expect(concierge?.comments).toEqual(["The front desk.", "oairt-disable OAIRT001"]);
    expect(concierge?.locate(["session", "audio", "output", "voice"])).toMatchObject({ line: 9, column: 26 });
    // A path that leaves the document stops at the nearest field that exists.
    expect(concierge?.locate(["session", "tools", 3, "name"])).toMatchObject({ line: 5, column: 5 });
    const route = loaded.entries.find((e) => e.section === "callRoutes" && e.name === "1");
    expect(route?.location).toMatchObject({ line: 30, column: 5 });
    expect(loaded.entries.map((e) => `${e.section}.${e.name}`)).toEqual([
      "templates.concierge",
      "templates.desk",
      "clientSecrets.web",
      "realtimeSessions.legacy",
      "transcriptionSessions.captions",
      "translationClientSecrets.spanish",
      "callRoutes.0",
      "callRoutes.1",
      "tokenEndpoints.web",
    ]);
  });

  it("treats an empty file and empty sections as nothing declared", () => {
    expect(load({ "realtime.yaml": "" }).loaded).toMatchObject({ config: {}, entries: [], problems: [] });
    expect(load({ "realtime.yaml": "templates:\ncallRoutes: []\n" }).loaded).toMatchObject({ entries: [], problems: [] });
  });

  it("loads a directory as its realtime.yaml", () => {
    const dir = writeTree({ "realtime.yaml": VALID });
    const loaded = loadRealtimeConfig(dir);
    expect(loaded.files).toEqual([path.join(dir, "realtime.yaml")]);
    expect(loaded.problems).toEqual([]);
  });
});

describe("loadRealtimeConfig: problems with positions", () => {
  it("reports an unknown key at its key, naming the path", () => {
    const { lines } = load({
      "realtime.yaml": "templates:\n  a:\n    session:\n      type: realtime\n      colour: red\n",
    });
    expect(lines).toEqual(["realtime.yaml:5:7 schema: Unknown parameter: 'templates.a.session.colour'."]);
  });

  it("reports an unknown section with the allowed ones", () => {
    const { lines } = load({ "realtime.yaml": "template:\n  a: {}\n" });
    expect(lines).toEqual([
      "realtime.yaml:1:1 schema: Unknown parameter: 'template'. Supported sections are: 'templates', 'clientSecrets', " +
        "'realtimeSessions', 'transcriptionSessions', 'translationClientSecrets', 'tokenEndpoints', 'callRoutes'.",
    ]);
  });

  it("reports wrong types, ranges and enums with the allowed values", () => {
    const { lines, loaded } = load({
      "realtime.yaml": [
        "templates:",
        "  a:",
        "    session: { type: realtime, audio: { output: { speed: 3, voice: 7 } } }",
        "  b:",
        "    session: { type: fancy }",
        "clientSecrets:",
        "  web: { template: a, expiresAfterSeconds: ten }",
        "callRoutes:",
        "  - action: forward",
        "  - action: reject",
        "    statusCode: 200",
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:3:51 schema: Invalid 'templates.a.session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 3 instead.",
      "realtime.yaml:3:61 schema: Invalid type for 'templates.a.session.audio.output.voice': expected a voice name or a custom voice object with an 'id', but got an integer instead.",
      "realtime.yaml:5:16 schema: Invalid value for 'templates.b.session.type': 'fancy'. Supported values are: 'realtime', 'transcription'.",
      "realtime.yaml:7:23 schema: Invalid type for 'clientSecrets.web.expiresAfterSeconds': expected an integer, but got a string instead.",
      "realtime.yaml:9:5 schema: Invalid value for 'callRoutes.0.action': 'forward'. Supported values are: 'accept', 'refer', 'reject'.",
      "realtime.yaml:11:5 schema: Invalid 'callRoutes.1.statusCode': integer below minimum value. Expected a value >= 400, but got 200 instead.",
    ]);
    expect(loaded.problems.map((p) => p.entry)).toEqual([
      "templates.a",
      "templates.a",
      "templates.b",
      "clientSecrets.web",
      "callRoutes.0",
      "callRoutes.1",
    ]);
    expect(loaded.problems[0]?.path).toBe("templates.a.session.audio.output.speed");
  });

  it("reports dangling template names of client secrets and accept routes", () => {
    const { lines, loaded } = load({
      "realtime.yaml": [
        "templates:",
        "  concierge: { session: { type: realtime } }",
        "clientSecrets:",
        "  web: { template: concierg }",
        "callRoutes:",
        "  - action: accept",
        "    template: ghost",
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:4:10 reference: Unknown template 'concierg' in 'clientSecrets.web.template'. Defined templates are: 'concierge'.",
      "realtime.yaml:7:5 reference: Unknown template 'ghost' in 'callRoutes.0.template'. Defined templates are: 'concierge'.",
    ]);
    expect(loaded.problems.map((p) => p.path)).toEqual(["clientSecrets.web.template", "callRoutes.0.template"]);
  });

  it("refuses an accept route whose template is a transcription session", () => {
    const { lines } = load({
      "realtime.yaml": [
        "templates:",
        "  desk: { session: { type: transcription } }",
        "clientSecrets:",
        "  captions: { template: desk }",
        "callRoutes:",
        "  - action: accept",
        "    template: desk",
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:7:5 reference: Invalid template 'desk' in 'callRoutes.0.template': an accept route needs a template with session type 'realtime', not 'transcription'.",
    ]);
  });

  it("asks for exactly one of template and session", () => {
    const { lines } = load({
      "realtime.yaml": [
        "templates:",
        "  a: { session: { type: realtime } }",
        "clientSecrets:",
        "  none: { expiresAfterSeconds: 60 }",
        "  both: { template: a, session: { type: realtime } }",
        "callRoutes:",
        "  - action: accept",
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:4:3 schema: Missing required parameter: 'clientSecrets.none.template' (or an inline 'session').",
      "realtime.yaml:5:24 schema: Invalid 'clientSecrets.both.session': give either 'template' or 'session', not both.",
      "realtime.yaml:7:5 schema: Missing required parameter: 'callRoutes.0.template' (an accept route names a template, or carries an inline 'session').",
    ]);
  });

  it("reports a duplicate key in one map at the second, naming the first", () => {
    const { dir, lines } = load({
      "realtime.yaml": "templates:\n  a:\n    session: { type: realtime }\n    session: { type: realtime }\n",
    });
    expect(lines).toEqual([
      `realtime.yaml:4:5 duplicate: Duplicate key 'templates.a.session': also at ${path.join(dir, "realtime.yaml")}:3:5.`,
    ]);
  });

  it("reports an invalid entry name", () => {
    const { lines } = load({ "realtime.yaml": "templates:\n  'front desk': { session: { type: realtime } }\n" });
    expect(lines).toEqual([
      "realtime.yaml:2:3 schema: Invalid name 'front desk' in 'templates': expected a letter, then letters, digits, '-' or '_'.",
    ]);
  });

  it("reports a section of the wrong kind", () => {
    const { lines } = load({ "realtime.yaml": "templates: [a]\ncallRoutes: { a: 1 }\n" });
    expect(lines).toEqual([
      "realtime.yaml:1:12 schema: Invalid type for 'templates': expected an object of entries by name, but got an array instead.",
      "realtime.yaml:2:13 schema: Invalid type for 'callRoutes': expected an array of routes, but got an object instead.",
    ]);
  });

  it("reports YAML syntax errors and a root that is not a map", () => {
    const broken = load({ "realtime.yaml": "templates:\n  a: { session: [\n" });
    expect(broken.loaded.problems[0]).toMatchObject({ kind: "syntax", line: 3 });
    expect(broken.lines[0]).toMatch(/^realtime\.yaml:3:1 syntax: YAML syntax error: /);
    expect(load({ "realtime.yaml": "- a\n- b\n" }).lines).toEqual([
      "realtime.yaml:1:1 schema: Invalid type for the file: expected an object of sections ('templates', 'clientSecrets', " +
        "'realtimeSessions', 'transcriptionSessions', 'translationClientSecrets', 'tokenEndpoints', 'callRoutes'), but got an array instead.",
    ]);
  });

  it("reports a missing file as an io problem", () => {
    const dir = writeTree({});
    const file = path.join(dir, "realtime.yaml");
    const loaded = loadRealtimeConfig(file);
    expect(loaded.problems).toEqual([
      { kind: "io", file, line: 1, column: 1, path: "", message: `Cannot read '${file}': no such file.` },
    ]);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) levels.push(`${"b".repeat(i)}: &${"b".repeat(i)} [${Array(10).fill(i === 1 ? "*a" : `*${"b".repeat(i - 1)}`).join(", ")}]`);
    const loaded = load({ "realtime.yaml": `${levels.join("\n")}\n` }).loaded;
    expect(loaded.problems[0]).toMatchObject({ kind: "syntax", line: 1, column: 1 });
    expect(loaded.problems[0]?.message).toMatch(/^YAML error: Excessive alias count/);
  });
});

describe("loadRealtimeConfig: split files", () => {
  it("merges realtime.d/*.yaml in name order and appends routes", () => {
    const { dir, loaded } = load({
      "realtime.yaml": "templates:\n  a: { session: { type: realtime } }\ncallRoutes:\n  - action: reject\n",
      "realtime.d/20-routes.yaml": "callRoutes:\n  - action: accept\n    template: b\n",
      "realtime.d/10-templates.yml": "templates:\n  b: { session: { type: realtime } }\n",
      "realtime.d/notes.txt": "not yaml",
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.files.map((f) => path.relative(dir, f))).toEqual([
      "realtime.yaml",
      path.join("realtime.d", "10-templates.yml"),
      path.join("realtime.d", "20-routes.yaml"),
    ]);
    expect(Object.keys(loaded.config.templates ?? {})).toEqual(["a", "b"]);
    expect(loaded.config.callRoutes?.map((r) => r.action)).toEqual(["reject", "accept"]);
    const route = loaded.entries.find((e) => e.section === "callRoutes" && e.name === "1");
    expect(route?.location).toMatchObject({ file: path.join(dir, "realtime.d", "20-routes.yaml"), line: 2, column: 5 });
  });

  it("reports an entry defined in two files at both places", () => {
    const { dir, loaded, lines } = load({
      "realtime.yaml": "templates:\n  a: { session: { type: realtime } }\n",
      "realtime.d/more.yaml": "# more\ntemplates:\n  a: { session: { type: transcription } }\n",
    });
    expect(lines).toEqual([
      `${path.join("realtime.d", "more.yaml")}:3:3 duplicate: Duplicate entry 'templates.a': defined at ` +
        `${path.join(dir, "realtime.yaml")}:2:3 and again at ${path.join(dir, "realtime.d", "more.yaml")}:3:3.`,
    ]);
    // The first definition is the one kept.
    expect(loaded.config.templates?.["a"]?.session.type).toBe("realtime");
  });

  it("ignores hidden and editor files in realtime.d", () => {
    const { loaded } = load({
      "realtime.yaml": "templates: {}\n",
      "realtime.d/.#lock.yaml": "oops: 1\n",
      "realtime.d/.draft.yml": "templates:\n  b: { session: { type: realtime } }\n",
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toHaveLength(1);
  });

  it("skips realtime.d with includeDir: false", () => {
    const dir = writeTree({ "realtime.yaml": "templates: {}\n", "realtime.d/x.yaml": "oops: 1\n" });
    const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { includeDir: false });
    expect(loaded).toMatchObject({ files: [path.join(dir, "realtime.yaml")], problems: [] });
  });
});

describe("loadRealtimeConfig: references", () => {
  const file = [
    "templates:",
    "  a:",
    "    session:",
    "      type: realtime",
    '      instructions: "You work for ${env:COMPANY}."',
    "      tools:",
    "        - type: mcp",
    "          server_label: crm",
    "          server_url: https://mcp.example.com",
    '          authorization: "${secret:crmToken}"',
    "clientSecrets:",
    "  web:",
    "    template: a",
    "    expiresAfterSeconds: ${env:TTL}",
    '    rotateBeforeSeconds: "${env:ROTATE}"',
    "",
  ].join("\n");

  it("substitutes ${env:NAME}, typed when the whole plain value is one reference, and keeps ${secret:NAME}", () => {
    const { loaded, lines } = load({ "realtime.yaml": file }, { COMPANY: "Example Corp", TTL: "900", ROTATE: "60" });
    const session = loaded.config.templates?.["a"]?.session as Record<string, unknown>;
    expect(session["instructions"]).toBe("You work for Example Corp.");
    expect((session["tools"] as Record<string, unknown>[])[0]?.["authorization"]).toBe("${secret:crmToken}");
    // The entry has a problem (below), so it is left out of config; its substituted value is in entries.
    expect(loaded.config.clientSecrets?.["web"]).toBeUndefined();
    const web = loaded.entries.find((e) => e.section === "clientSecrets" && e.name === "web")?.value as { expiresAfterSeconds?: unknown };
    expect(web.expiresAfterSeconds).toBe(900);
    // Quoted: stays a string, which the schema refuses with the field named.
    expect(lines).toEqual([
      "realtime.yaml:15:5 schema: Invalid type for 'clientSecrets.web.rotateBeforeSeconds': expected an integer, but got a string instead.",
    ]);
  });

  it("reports an unset variable, an unknown reference kind and a bad secret name where they are", () => {
    const { lines } = load({
      "realtime.yaml": [
        "templates:",
        "  a:",
        "    session:",
        "      type: realtime",
        '      instructions: "${env:COMPANY} ${vault:x} ${secret:9bad} $${literal}"',
        "",
      ].join("\n"),
    });
    expect(lines).toEqual([
      "realtime.yaml:5:21 reference: Environment variable 'COMPANY' is not set (referenced as '${env:COMPANY}').",
      "realtime.yaml:5:21 reference: Unknown reference '${vault:x}'. Supported references are: '${env:NAME}', '${secret:NAME}' ('$${' writes a literal '${').",
      "realtime.yaml:5:21 reference: Invalid secret name in '${secret:9bad}': expected a Pulumi config key such as 'mcpToken'.",
    ]);
  });

  it("keeps environment text literal: a ${secret:...} in a variable is never read as a reference", () => {
    const { loaded } = load(
      { "realtime.yaml": 'templates:\n  a:\n    session: { type: realtime, instructions: "For ${env:COMPANY}, ${secret:greeting}" }\n' },
      { COMPANY: "Acme ${secret:openai-realtime:apiKey} $${secret:x}" },
    );
    expect(loaded.problems).toEqual([]);
    const instructions = (loaded.config.templates?.["a"]?.session as { instructions: string }).instructions;
    expect(splitSecretReferences(instructions)).toEqual([
      { text: "For Acme ${secret:openai-realtime:apiKey} $${secret:x}, " },
      { secret: "greeting" },
    ]);
  });

  it("reports an unterminated reference where it is", () => {
    const { lines } = load({ "realtime.yaml": 'templates:\n  a:\n    session: { type: realtime, instructions: "Hi ${env:COMPANY and bye" }\n' });
    expect(lines).toEqual([
      "realtime.yaml:3:46 reference: Unterminated reference '${env:COMPANY and bye': close it with '}' (or write '$${' for a literal '${').",
    ]);
  });

  it("writes $${ as a literal ${", () => {
    const { loaded } = load({
      "realtime.yaml": 'templates:\n  a:\n    session: { type: realtime, instructions: "Say $${name}." }\n',
    });
    expect(loaded.problems).toEqual([]);
    expect((loaded.config.templates?.["a"]?.session as { instructions?: string }).instructions).toBe("Say ${name}.");
  });

  it("reads process.env by default", () => {
    const dir = writeTree({ "realtime.yaml": 'templates:\n  a: { session: { type: realtime, instructions: "${env:POR_TEST_VAR}" } }\n' });
    process.env["POR_TEST_VAR"] = "from the environment";
    try {
      const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"));
      expect((loaded.config.templates?.["a"]?.session as { instructions?: string }).instructions).toBe("from the environment");
    } finally {
      delete process.env["POR_TEST_VAR"];
    }
    expect(fs.existsSync(dir)).toBe(true);
  });
});
