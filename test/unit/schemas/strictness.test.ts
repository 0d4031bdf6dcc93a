import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  RealtimeCallCreateRequest,
  RealtimeCallReferRequest,
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeCreateClientSecretResponse,
  RealtimeSessionCreateRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeSessionCreateResponse,
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranscriptionSessionCreateRequestGA,
  RealtimeTranscriptionSessionCreateResponse,
  RealtimeTranscriptionSessionCreateResponseGA,
  RealtimeTranslationClientSecretCreateRequest,
  RealtimeTranslationClientSecretCreateResponse,
  WebhookRealtimeCallIncoming,
  validate,
} from "../../../src/schemas";
import { fullSession, requestExamples, responseExamples } from "./fixtures";
import { withKey } from "./helpers";

const unknown = (path: string) => ({
  ok: false,
  issues: [{ path, code: "unknown_parameter", message: `Unknown parameter: '${path}'.` }],
});

describe("request schemas reject unknown keys", () => {
  const gaObjects: (string | number)[][] = [
    [],
    ["audio"],
    ["audio", "input"],
    ["audio", "input", "format"],
    ["audio", "input", "transcription"],
    ["audio", "input", "noise_reduction"],
    ["audio", "input", "turn_detection"],
    ["audio", "output"],
    ["audio", "output", "format"],
    ["tracing"],
    ["tools", 0],
    ["tools", 1],
    ["tools", 1, "allowed_tools"],
    ["tools", 1, "require_approval"],
    ["tools", 1, "require_approval", "never"],
    ["tools", 2],
    ["tool_choice"],
    ["reasoning"],
    ["truncation"],
    ["truncation", "token_limits"],
    ["prompt"],
    ["prompt", "variables", "greeting"],
    ["prompt", "variables", "greeting", "prompt_cache_breakpoint"],
    ["prompt", "variables", "logo"],
    ["prompt", "variables", "menu"],
  ];
  it.each(gaObjects.map((path) => [path.join(".") || "(root)", path] as const))(
    "GA session: %s",
    (_name, path) => {
      const body = withKey(fullSession, path, "foo", 1);
      const expected = ["session", ...path].reduce<string>(
        (out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : `${out}.${segment}`),
        "",
      );
      expect(validate(RealtimeSessionCreateRequestGA, body, "session")).toEqual(unknown(`${expected.slice(1)}.foo`));
    },
  );

  it("GA session: a custom voice object", () => {
    const body = withKey(fullSession, ["audio", "output"], "voice", { id: "voice_1234", name: "x" });
    expect(validate(RealtimeSessionCreateRequestGA, body)).toEqual(unknown("audio.output.voice.name"));
  });

  it("GA session: semantic VAD", () => {
    const body = withKey(fullSession, ["audio", "input"], "turn_detection", { type: "semantic_vad", idle_timeout_ms: 6000 });
    expect(validate(RealtimeSessionCreateRequestGA, body)).toEqual(unknown("audio.input.turn_detection.idle_timeout_ms"));
  });

  it("free-form objects (function parameters, tracing metadata, MCP headers) take any key", () => {
    let body = withKey(fullSession, ["tools", 0, "parameters"], "anything", { nested: true });
    body = withKey(body, ["tracing", "metadata"], "anything", [1, 2]);
    body = withKey(body, ["tools", 1, "headers"], "X-Other", "yes");
    expect(validate(RealtimeSessionCreateRequestGA, body)).toEqual({ ok: true, value: body });
  });

  const others: [string, z.ZodType, unknown, (string | number)[], string][] = [
    ["client secret", RealtimeCreateClientSecretRequest, requestExamples.clientSecret, [], "foo"],
    ["client secret expires_after", RealtimeCreateClientSecretRequest, requestExamples.clientSecret, ["expires_after"], "expires_after.foo"],
    ["client secret session", RealtimeCreateClientSecretRequest, requestExamples.clientSecret, ["session"], "session.foo"],
    ["legacy session", RealtimeSessionCreateRequest, requestExamples.session, [], "foo"],
    ["legacy transcription session", RealtimeTranscriptionSessionCreateRequest, { input_audio_transcription: { model: "whisper-1" } }, ["input_audio_transcription"], "input_audio_transcription.foo"],
    ["translation client secret", RealtimeTranslationClientSecretCreateRequest, requestExamples.translationClientSecret, ["session", "audio", "input", "transcription"], "session.audio.input.transcription.foo"],
    ["translation output", RealtimeTranslationClientSecretCreateRequest, requestExamples.translationClientSecret, ["session", "audio", "output"], "session.audio.output.foo"],
    ["call create", RealtimeCallCreateRequest, requestExamples.callCreate, [], "foo"],
    ["call create session", RealtimeCallCreateRequest, requestExamples.callCreate, ["session"], "session.foo"],
    ["refer", RealtimeCallReferRequest, requestExamples.callRefer, [], "foo"],
    ["reject", RealtimeCallRejectRequest, requestExamples.callReject, [], "foo"],
  ];
  it.each(others)("%s", (_name, schema, example, path, expected) => {
    expect(validate(schema, withKey(example, path, "foo", 1))).toEqual(unknown(expected));
  });

  it("GA transcription session: nested input", () => {
    const body = { type: "transcription", audio: { input: { turn_detection: null, foo: 1 } } };
    expect(validate(RealtimeTranscriptionSessionCreateRequestGA, body)).toEqual(unknown("audio.input.foo"));
  });

  it("every unknown key is reported on its own", () => {
    expect(validate(RealtimeCallReferRequest, { target_uri: "tel:+1", a: 1, b: 2 })).toEqual({
      ok: false,
      issues: [
        { path: "a", code: "unknown_parameter", message: "Unknown parameter: 'a'." },
        { path: "b", code: "unknown_parameter", message: "Unknown parameter: 'b'." },
      ],
    });
  });
});

describe("response schemas keep unknown keys", () => {
  const cases: [string, z.ZodType, unknown, (string | number)[]][] = [
    ["client secret", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent, []],
    ["client secret session", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent, ["session"]],
    ["session audio input", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent, ["session", "audio", "input"]],
    ["session turn detection", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent, ["session", "audio", "input", "turn_detection"]],
    ["session output format", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent, ["session", "audio", "output", "format"]],
    ["legacy session", RealtimeSessionCreateResponse, responseExamples.session, ["client_secret"]],
    ["legacy transcription session", RealtimeTranscriptionSessionCreateResponse, responseExamples.transcriptionSession, ["input_audio_transcription"]],
    ["GA transcription session", RealtimeTranscriptionSessionCreateResponseGA, responseExamples.transcriptionSessionGA, ["audio", "input", "turn_detection"]],
    ["translation session", RealtimeTranslationClientSecretCreateResponse, responseExamples.translationClientSecret, ["session", "audio", "output"]],
    ["webhook", WebhookRealtimeCallIncoming, responseExamples.callIncoming, ["data", "sip_headers", 0]],
  ];
  it.each(cases)("%s", (_name, schema, example, path) => {
    const body = withKey(example, path, "new_field", { added: "later" });
    expect(validate(schema, body)).toEqual({ ok: true, value: body });
  });

  it("a response tool list keeps fields of MCP tools the reference does not know", () => {
    const session = {
      ...responseExamples.clientSecretComponent.session,
      tools: [{ type: "mcp", server_label: "docs", server_url: "https://mcp.example.com", cache: true }],
    };
    const body = { ...responseExamples.clientSecretComponent, session };
    expect(validate(RealtimeCreateClientSecretResponse, body)).toEqual({ ok: true, value: body });
  });

  it("responses report ranges as sent (requests enforce them)", () => {
    const body = withKey(responseExamples.clientSecretComponent, ["session", "audio", "output"], "speed", 4);
    expect(validate(RealtimeCreateClientSecretResponse, body).ok).toBe(true);
  });
});
