import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  RealtimeCallReferRequest,
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeSessionCreateRequest,
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranslationClientSecretCreateRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateRequestGA,
  formatIssues,
  formatPath,
  validate,
  type SchemaIssue,
} from "../../../src/schemas";

const session = (extra: Record<string, unknown>) => ({ type: "realtime", ...extra });

/** Issues of an invalid GA session validated as the `session` of a request. */
const issuesOf = (extra: Record<string, unknown>): SchemaIssue[] => {
  const result = validate(RealtimeSessionCreateRequestGA, session(extra), "session");
  if (result.ok) throw new Error("expected a failure");
  return result.issues;
};

const issue = (path: string, code: string, message: string): SchemaIssue => ({ path, code, message });

describe("formatPath", () => {
  it("joins keys with dots and puts indices in brackets", () => {
    expect(formatPath(["tools", 0, "name"], "session")).toBe("session.tools[0].name");
    expect(formatPath(["expires_after", "seconds"])).toBe("expires_after.seconds");
    expect(formatPath([0, "name"])).toBe("[0].name");
    expect(formatPath([])).toBe("");
    expect(formatPath([], "session")).toBe("session");
  });
});

describe("issue messages", () => {
  it("unknown parameter", () => {
    expect(issuesOf({ audio: { output: { loudness: 3 } } })).toEqual([
      issue("session.audio.output.loudness", "unknown_parameter", "Unknown parameter: 'session.audio.output.loudness'."),
    ]);
  });

  it("missing required parameter, including a missing literal and a missing discriminator", () => {
    expect(validate(RealtimeSessionCreateRequestGA, { model: "gpt-realtime" })).toEqual({
      ok: false,
      issues: [issue("type", "missing_required_parameter", "Missing required parameter: 'type'.")],
    });
    expect(validate(RealtimeCreateClientSecretRequest, { session: { model: "gpt-realtime" } })).toEqual({
      ok: false,
      issues: [issue("session.type", "missing_required_parameter", "Missing required parameter: 'session.type'.")],
    });
    expect(issuesOf({ tool_choice: { type: "function" } })).toEqual([
      issue("session.tool_choice.name", "missing_required_parameter", "Missing required parameter: 'session.tool_choice.name'."),
    ]);
  });

  it("enum value, naming the supported values", () => {
    expect(issuesOf({ audio: { input: { turn_detection: { type: "semantic_vad", eagerness: "loud" } } } })).toEqual([
      issue(
        "session.audio.input.turn_detection.eagerness",
        "invalid_value",
        "Invalid value for 'session.audio.input.turn_detection.eagerness': 'loud'. Supported values are: 'low', 'medium', 'high', 'auto'.",
      ),
    ]);
    expect(issuesOf({ output_modalities: ["video"] })).toEqual([
      issue("session.output_modalities[0]", "invalid_value", "Invalid value for 'session.output_modalities[0]': 'video'. Supported values are: 'text', 'audio'."),
    ]);
  });

  it("discriminator value of a tagged union", () => {
    expect(validate(RealtimeCreateClientSecretRequest, { session: { type: "translation" } })).toEqual({
      ok: false,
      issues: [
        issue("session.type", "invalid_value", "Invalid value for 'session.type': 'translation'. Supported values are: 'realtime', 'transcription'."),
      ],
    });
    expect(issuesOf({ tools: [{ type: "web_search" }] })).toEqual([
      issue("session.tools[0].type", "invalid_value", "Invalid value for 'session.tools[0].type': 'web_search'. Supported values are: 'function', 'mcp'."),
    ]);
    expect(issuesOf({ audio: { input: { turn_detection: { type: "vad" } } } })).toEqual([
      issue(
        "session.audio.input.turn_detection.type",
        "invalid_value",
        "Invalid value for 'session.audio.input.turn_detection.type': 'vad'. Supported values are: 'server_vad', 'semantic_vad'.",
      ),
    ]);
  });

  it("invalid type, naming what was expected and what came", () => {
    expect(validate(RealtimeCallReferRequest, { target_uri: 5 })).toEqual({
      ok: false,
      issues: [issue("target_uri", "invalid_type", "Invalid type for 'target_uri': expected a string, but got an integer instead.")],
    });
    expect(issuesOf({ instructions: ["a"], parallel_tool_calls: "yes", tools: {} })).toEqual([
      issue("session.instructions", "invalid_type", "Invalid type for 'session.instructions': expected a string, but got an array instead."),
      issue("session.tools", "invalid_type", "Invalid type for 'session.tools': expected an array, but got an object instead."),
      issue("session.parallel_tool_calls", "invalid_type", "Invalid type for 'session.parallel_tool_calls': expected a boolean, but got a string instead."),
    ]);
    expect(issuesOf({ audio: { output: { speed: "fast" } } })).toEqual([
      issue("session.audio.output.speed", "invalid_type", "Invalid type for 'session.audio.output.speed': expected a number, but got a string instead."),
    ]);
    expect(issuesOf({ audio: null })).toEqual([
      issue("session.audio", "invalid_type", "Invalid type for 'session.audio': expected an object, but got null instead."),
    ]);
  });

  it("the root of an unprefixed body is called 'body'", () => {
    expect(validate(RealtimeCallReferRequest, "tel:+1")).toEqual({
      ok: false,
      issues: [issue("", "invalid_type", "Invalid type for 'body': expected an object, but got a string instead.")],
    });
  });

  it("number bounds use the API's wording (the brief's example)", () => {
    expect(issuesOf({ audio: { output: { speed: 9 } } })).toEqual([
      issue(
        "session.audio.output.speed",
        "decimal_above_max_value",
        "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 9 instead.",
      ),
    ]);
  });

  it("model takes any string but nothing else", () => {
    expect(validate(RealtimeSessionCreateRequestGA, session({ model: "my-future-model" })).ok).toBe(true);
    expect(issuesOf({ model: 4 })).toEqual([
      issue("session.model", "invalid_type", "Invalid type for 'session.model': expected a string, but got an integer instead."),
    ]);
  });

  it("max_output_tokens outside both branches says what it takes", () => {
    expect(issuesOf({ max_output_tokens: "unlimited" })).toEqual([
      issue(
        "session.max_output_tokens",
        "invalid_value",
        "Invalid value for 'session.max_output_tokens': expected an integer between 1 and 4096 or 'inf', but got 'unlimited' instead.",
      ),
    ]);
    expect(issuesOf({ max_output_tokens: 10.5 })).toEqual([
      issue(
        "session.max_output_tokens",
        "invalid_value",
        "Invalid value for 'session.max_output_tokens': expected an integer between 1 and 4096 or 'inf', but got 10.5 instead.",
      ),
    ]);
  });

  it("voice: a name or a custom voice object", () => {
    expect(validate(RealtimeSessionCreateRequestGA, session({ audio: { output: { voice: "my-voice" } } })).ok).toBe(true);
    expect(issuesOf({ audio: { output: { voice: 7 } } })).toEqual([
      issue(
        "session.audio.output.voice",
        "invalid_type",
        "Invalid type for 'session.audio.output.voice': expected a voice name or a custom voice object with an 'id', but got an integer instead.",
      ),
    ]);
    expect(issuesOf({ audio: { output: { voice: {} } } })).toEqual([
      issue("session.audio.output.voice.id", "missing_required_parameter", "Missing required parameter: 'session.audio.output.voice.id'."),
    ]);
  });

  it("a union reports the branch the input came close to", () => {
    expect(issuesOf({ truncation: { type: "retention_ratio" } })).toEqual([
      issue("session.truncation.retention_ratio", "missing_required_parameter", "Missing required parameter: 'session.truncation.retention_ratio'."),
    ]);
    expect(issuesOf({ truncation: "sometimes" })).toEqual([
      issue(
        "session.truncation",
        "invalid_value",
        "Invalid value for 'session.truncation': expected 'auto', 'disabled' or a retention ratio truncation object, but got 'sometimes' instead.",
      ),
    ]);
    expect(issuesOf({ tool_choice: "always" })).toEqual([
      issue(
        "session.tool_choice",
        "invalid_value",
        "Invalid value for 'session.tool_choice': expected 'none', 'auto', 'required' or a function or MCP tool choice object, but got 'always' instead.",
      ),
    ]);
    expect(issuesOf({ tool_choice: { type: "tool" } })).toEqual([
      issue("session.tool_choice.type", "invalid_value", "Invalid value for 'session.tool_choice.type': 'tool'. Supported values are: 'function', 'mcp'."),
    ]);
    expect(issuesOf({ tracing: { workflow_name: 1 } })).toEqual([
      issue("session.tracing.workflow_name", "invalid_type", "Invalid type for 'session.tracing.workflow_name': expected a string, but got an integer instead."),
    ]);
  });

  it("audio formats that differ only in type are merged into one list", () => {
    expect(issuesOf({ audio: { input: { format: { type: "audio/opus" } } } })).toEqual([
      issue(
        "session.audio.input.format.type",
        "invalid_value",
        "Invalid value for 'session.audio.input.format.type': 'audio/opus'. Supported values are: 'audio/pcm', 'audio/pcmu', 'audio/pcma'.",
      ),
    ]);
    expect(issuesOf({ audio: { input: { format: "pcm16" } } })).toEqual([
      issue(
        "session.audio.input.format",
        "invalid_type",
        "Invalid type for 'session.audio.input.format': expected an audio format object with type 'audio/pcm', 'audio/pcmu' or 'audio/pcma', but got a string instead.",
      ),
    ]);
  });

  it("MCP tools need a server URL, a connector or a tunnel", () => {
    expect(issuesOf({ tools: [{ type: "mcp", server_label: "docs" }] })).toEqual([
      issue(
        "session.tools[0].server_url",
        "missing_required_parameter",
        "Missing required parameter: 'session.tools[0].server_url'. Provide one of 'server_url', 'connector_id' or 'tunnel_id'.",
      ),
    ]);
  });

  it("string formats: URL and pattern", () => {
    expect(issuesOf({ tools: [{ type: "mcp", server_label: "a", server_url: "not a url" }] })).toEqual([
      issue("session.tools[0].server_url", "invalid_value", "Invalid value for 'session.tools[0].server_url': 'not a url'. Expected a valid URL."),
    ]);
    expect(issuesOf({ tools: [{ type: "mcp", server_label: "a", tunnel_id: "tunnel_1" }] })).toEqual([
      issue(
        "session.tools[0].tunnel_id",
        "invalid_value",
        "Invalid value for 'session.tools[0].tunnel_id': 'tunnel_1'. Expected a string matching the pattern '^tunnel_[a-z0-9]{32}$'.",
      ),
    ]);
  });

  it("prompt variables: strings or typed input objects", () => {
    expect(issuesOf({ prompt: { id: "p", variables: { a: 1, b: { type: "input_image" } } } })).toEqual([
      issue(
        "session.prompt.variables.a",
        "invalid_type",
        "Invalid type for 'session.prompt.variables.a': expected a string or an input_text, input_image or input_file object, but got an integer instead.",
      ),
      issue("session.prompt.variables.b.detail", "missing_required_parameter", "Missing required parameter: 'session.prompt.variables.b.detail'."),
    ]);
  });

  it("values that look like credentials are not echoed", () => {
    expect(issuesOf({ tools: [{ type: "mcp", server_label: "a", connector_id: "sk-proj-abc" }] })).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Invalid value for 'session\.tools\[0\]\.connector_id': '\[redacted\]'\. Supported values are: /),
      }),
    ]);
    expect(JSON.stringify(issuesOf({ output_modalities: ["ek_123"] }))).not.toContain("ek_123");
  });

  it("long values are shortened", () => {
    const [only] = issuesOf({ output_modalities: ["x".repeat(100)] });
    expect(only?.message).toBe(
      `Invalid value for 'session.output_modalities[0]': '${"x".repeat(61)}...'. Supported values are: 'text', 'audio'.`,
    );
  });

  it("every message names its full path", () => {
    const issues = issuesOf({
      foo: 1,
      model: 1,
      audio: { input: { format: { type: "x" }, turn_detection: { type: "server_vad", threshold: 3 } }, output: { voice: [] } },
      tools: [{ type: "mcp" }, { name: 1 }],
      truncation: { type: "retention_ratio", retention_ratio: "most" },
    });
    expect(issues.length).toBeGreaterThan(5);
    for (const { path, message } of issues) expect(message).toContain(`'${path}'`);
  });

  it("a transcription session is validated by its own rules", () => {
    expect(validate(RealtimeTranscriptionSessionCreateRequestGA, { type: "transcription", audio: { output: {} } })).toEqual({
      ok: false,
      issues: [issue("audio.output", "unknown_parameter", "Unknown parameter: 'audio.output'.")],
    });
  });
});

describe("other request bodies", () => {
  it("a translation session needs a model, and noise reduction a type", () => {
    expect(validate(RealtimeTranslationClientSecretCreateRequest, {})).toEqual({
      ok: false,
      issues: [issue("session", "missing_required_parameter", "Missing required parameter: 'session'.")],
    });
    const body = { session: { audio: { input: { noise_reduction: {}, transcription: {} } } } };
    expect(validate(RealtimeTranslationClientSecretCreateRequest, body)).toEqual({
      ok: false,
      issues: [
        issue("session.model", "missing_required_parameter", "Missing required parameter: 'session.model'."),
        issue("session.audio.input.transcription.model", "missing_required_parameter", "Missing required parameter: 'session.audio.input.transcription.model'."),
        issue("session.audio.input.noise_reduction.type", "missing_required_parameter", "Missing required parameter: 'session.audio.input.noise_reduction.type'."),
      ],
    });
  });

  it("legacy bodies keep their own enums", () => {
    expect(validate(RealtimeTranscriptionSessionCreateRequest, { turn_detection: { type: "semantic_vad" }, input_audio_format: "opus" })).toEqual({
      ok: false,
      issues: [
        issue("turn_detection.type", "invalid_value", "Invalid value for 'turn_detection.type': 'semantic_vad'. Supported values are: 'server_vad'."),
        issue("input_audio_format", "invalid_value", "Invalid value for 'input_audio_format': 'opus'. Supported values are: 'pcm16', 'g711_ulaw', 'g711_alaw'."),
      ],
    });
    expect(validate(RealtimeSessionCreateRequest, { model: "gpt-realtime", voice: { id: "voice_1" }, tools: [{ type: "mcp" }] })).toEqual({
      ok: false,
      issues: [issue("tools[0].type", "invalid_value", "Invalid value for 'tools[0].type': 'mcp'. Supported values are: 'function'.")],
    });
  });

  it("a reject needs an integer status code, a refer a target", () => {
    expect(validate(RealtimeCallRejectRequest, { status_code: "486" })).toEqual({
      ok: false,
      issues: [issue("status_code", "invalid_type", "Invalid type for 'status_code': expected an integer, but got a string instead.")],
    });
    expect(validate(RealtimeCallReferRequest, {})).toEqual({
      ok: false,
      issues: [issue("target_uri", "missing_required_parameter", "Missing required parameter: 'target_uri'.")],
    });
  });
});

describe("formatIssues", () => {
  it("works on errors produced without reportInput, leaving out the received value", () => {
    const result = RealtimeSessionCreateRequestGA.safeParse({ type: "realtime", audio: { output: { speed: 9 } }, instructions: 1 });
    if (result.success) throw new Error("expected a failure");
    expect(formatIssues(result.error, "session")).toEqual([
      issue("session.instructions", "invalid_type", "Invalid type for 'session.instructions': expected a string."),
      issue(
        "session.audio.output.speed",
        "decimal_above_max_value",
        "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5.",
      ),
    ]);
  });

  it("still tells a missing field from a wrong one without reportInput", () => {
    const result = RealtimeCallReferRequest.safeParse({});
    if (result.success) throw new Error("expected a failure");
    expect(formatIssues(result.error)).toEqual([
      issue("target_uri", "missing_required_parameter", "Missing required parameter: 'target_uri'."),
    ]);
  });

  it("names the supported tags of a tagged union without reportInput", () => {
    const result = RealtimeCreateClientSecretRequest.safeParse({ session: { type: "translation" } });
    if (result.success) throw new Error("expected a failure");
    expect(formatIssues(result.error)).toEqual([
      issue("session.type", "invalid_value", "Invalid value for 'session.type'. Supported values are: 'realtime', 'transcription'."),
    ]);
  });

  it("words issues of any zod schema", () => {
    const schema = z.strictObject({ tags: z.array(z.string()).min(2).max(3), name: z.string().max(3) });
    const result = schema.safeParse({ tags: ["a"], name: "abcd" }, { reportInput: true });
    if (result.success) throw new Error("expected a failure");
    expect(formatIssues(result.error)).toEqual([
      issue("tags", "array_below_min_length", "Invalid 'tags': array too short. Expected an array with minimum length 2, but got an array with length 1 instead."),
      issue("name", "string_above_max_length", "Invalid 'name': string too long. Expected a string with maximum length 3, but got a string with length 4 instead."),
    ]);
  });

  it("custom refinements keep their code and message", () => {
    const schema = z.object({ a: z.string() }).superRefine((_value, ctx) => {
      ctx.addIssue({ code: "custom", path: ["a"], message: "Nope for '{path}'.", params: { code: "nope" } });
      ctx.addIssue({ code: "custom", path: ["b"], message: "plain" });
    });
    const result = schema.safeParse({ a: "x" });
    if (result.success) throw new Error("expected a failure");
    expect(formatIssues(result.error, "x")).toEqual([
      issue("x.a", "nope", "Nope for 'x.a'."),
      issue("x.b", "invalid_value", "Invalid 'x.b': plain"),
    ]);
  });
});

describe("validate", () => {
  it("returns the parsed value on success", () => {
    expect(validate(RealtimeCallReferRequest, { target_uri: "sip:agent@example.com" })).toEqual({
      ok: true,
      value: { target_uri: "sip:agent@example.com" },
    });
  });
});
