import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  ApiErrorBody,
  ErrorResponse,
  RealtimeCallAcceptRequest,
  RealtimeCallCreateRequest,
  RealtimeCallReferRequest,
  RealtimeCallRejectRequest,
  RealtimeCreateClientSecretRequest,
  RealtimeCreateClientSecretResponse,
  RealtimeSessionCreateRequest,
  RealtimeSessionCreateRequestGA,
  RealtimeSessionCreateResponse,
  RealtimeTranscriptionSessionCreateRequest,
  RealtimeTranscriptionSessionCreateResponse,
  RealtimeTranscriptionSessionCreateResponseGA,
  RealtimeTranslationClientSecretCreateRequest,
  RealtimeTranslationClientSecretCreateResponse,
  RealtimeTranslationSession,
  WebhookEvent,
  WebhookRealtimeCallIncoming,
  validate,
} from "../../../src/schemas";
import { fullSession, requestExamples, responseExamples } from "./fixtures";

const accepts = (schema: z.ZodType, example: unknown): void => {
  const result = validate(schema, example);
  expect(result).toEqual({ ok: true, value: example });
};

describe("reference request examples", () => {
  const cases: [string, z.ZodType, unknown][] = [
    ["POST /realtime/calls (multipart)", RealtimeCallCreateRequest, requestExamples.callCreate],
    ["POST /realtime/calls/{id}/accept", RealtimeCallAcceptRequest, requestExamples.callAccept],
    ["POST /realtime/calls/{id}/refer", RealtimeCallReferRequest, requestExamples.callRefer],
    ["POST /realtime/calls/{id}/reject", RealtimeCallRejectRequest, requestExamples.callReject],
    ["POST /realtime/calls/{id}/reject without a body", RealtimeCallRejectRequest, {}],
    ["POST /realtime/client_secrets", RealtimeCreateClientSecretRequest, requestExamples.clientSecret],
    ["POST /realtime/sessions", RealtimeSessionCreateRequest, requestExamples.session],
    ["POST /realtime/transcription_sessions", RealtimeTranscriptionSessionCreateRequest, requestExamples.transcriptionSession],
    ["POST /realtime/translations/client_secrets", RealtimeTranslationClientSecretCreateRequest, requestExamples.translationClientSecret],
    ["a session using every GA field", RealtimeSessionCreateRequestGA, fullSession],
  ];
  it.each(cases)("%s is accepted unchanged", (_name, schema, example) => accepts(schema, example));

  it("the accept body is the GA session schema", () => {
    expect(RealtimeCallAcceptRequest).toBe(RealtimeSessionCreateRequestGA);
  });
});

describe("reference response examples", () => {
  const cases: [string, z.ZodType, unknown][] = [
    ["client secret (path example)", RealtimeCreateClientSecretResponse, responseExamples.clientSecret],
    ["client secret (component example)", RealtimeCreateClientSecretResponse, responseExamples.clientSecretComponent],
    ["legacy session (path example)", RealtimeSessionCreateResponse, responseExamples.session],
    ["legacy session (example on the request component)", RealtimeSessionCreateResponse, responseExamples.sessionRequestComponent],
    ["legacy session (component example)", RealtimeSessionCreateResponse, responseExamples.sessionComponent],
    ["legacy transcription session (path example)", RealtimeTranscriptionSessionCreateResponse, responseExamples.transcriptionSession],
    ["legacy transcription session (component)", RealtimeTranscriptionSessionCreateResponse, responseExamples.transcriptionSessionComponent],
    ["GA transcription session", RealtimeTranscriptionSessionCreateResponseGA, responseExamples.transcriptionSessionGA],
    ["translation client secret (path example)", RealtimeTranslationClientSecretCreateResponse, responseExamples.translationClientSecret],
    ["translation client secret (component)", RealtimeTranslationClientSecretCreateResponse, responseExamples.translationClientSecretComponent],
    ["translation session", RealtimeTranslationSession, responseExamples.translationSession],
    ["realtime.call.incoming webhook", WebhookRealtimeCallIncoming, responseExamples.callIncoming],
    ["realtime.call.incoming as a generic event", WebhookEvent, responseExamples.callIncoming],
  ];
  it.each(cases)("%s is accepted unchanged", (_name, schema, example) => accepts(schema, example));

  it("a client secret response with a transcription session is told apart by type", () => {
    const body = {
      value: "ek_1",
      expires_at: 1756310470,
      session: { ...responseExamples.transcriptionSessionGA },
    };
    const parsed = RealtimeCreateClientSecretResponse.parse(body);
    expect(parsed.session.type).toBe("transcription");
    expect(parsed.session.object).toBe("realtime.transcription_session");
  });

  it("the legacy session response exposes the ephemeral key", () => {
    const parsed = RealtimeSessionCreateResponse.parse(responseExamples.session);
    expect(parsed.client_secret).toEqual({ value: "ek_abc123", expires_at: 1234567890 });
  });

  it("an error body in the API's shape is accepted", () => {
    const body = {
      error: {
        message: "Unknown parameter: 'session.foo'.",
        type: "invalid_request_error",
        param: "session.foo",
        code: "unknown_parameter",
      },
    };
    accepts(ErrorResponse, body);
    accepts(ApiErrorBody, { message: "Server error", type: "server_error", param: null, code: null });
  });

  it("an error body must carry all four fields", () => {
    expect(validate(ApiErrorBody, { message: "x", type: "server_error" })).toEqual({
      ok: false,
      issues: [
        { path: "param", code: "missing_required_parameter", message: "Missing required parameter: 'param'." },
        { path: "code", code: "missing_required_parameter", message: "Missing required parameter: 'code'." },
      ],
    });
  });

  it("webhook events of unknown types pass the envelope but not the call schema", () => {
    const event = { id: "evt_1", type: "batch.completed", created_at: 1719168000, object: "event", data: { id: "batch_1" } };
    accepts(WebhookEvent, event);
    expect(validate(WebhookRealtimeCallIncoming, event)).toEqual({
      ok: false,
      issues: [
        { path: "type", code: "invalid_value", message: "Invalid value for 'type': 'batch.completed'. Supported values are: 'realtime.call.incoming'." },
        { path: "data.call_id", code: "missing_required_parameter", message: "Missing required parameter: 'data.call_id'." },
        { path: "data.sip_headers", code: "missing_required_parameter", message: "Missing required parameter: 'data.sip_headers'." },
      ],
    });
  });
});
