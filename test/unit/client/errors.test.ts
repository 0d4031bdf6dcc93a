import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OpenAIRealtimeError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeClient,
  RequestValidationError,
  UnprocessableEntityError,
  WebhookVerificationError,
  isAPIConnectionError,
  isAPIError,
  isAPITimeoutError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isInternalServerError,
  isNotFoundError,
  isOpenAIRealtimeError,
  isPermissionDeniedError,
  isRateLimitError,
  isRequestValidationError,
  isUnprocessableEntityError,
  isWebhookVerificationError,
} from "../../../src/client";
import { apiError, startServer, type LoopbackServer } from "./loopback-server";

let server: LoopbackServer | undefined;
let client: RealtimeClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

async function failWith(status: number, body: string | object, headers: Record<string, string> = {}): Promise<unknown> {
  server = await startServer(() => ({ status, body, headers: { "x-request-id": "req_123", ...headers } }));
  client = new RealtimeClient({ apiKey: "sk-test-errors", baseURL: server.baseURL, maxRetries: 0 });
  return client.calls.hangup("rtc_1").then(
    () => undefined,
    (e: unknown) => e,
  );
}

const cases = [
  [400, BadRequestError, isBadRequestError],
  [401, AuthenticationError, isAuthenticationError],
  [403, PermissionDeniedError, isPermissionDeniedError],
  [404, NotFoundError, isNotFoundError],
  [409, ConflictError, isConflictError],
  [422, UnprocessableEntityError, isUnprocessableEntityError],
  [429, RateLimitError, isRateLimitError],
  [500, InternalServerError, isInternalServerError],
  [503, InternalServerError, isInternalServerError],
] as const;

describe("errors mapped from status", () => {
  for (const [status, Cls, guard] of cases) {
    it(`${status} -> ${Cls.name}`, async () => {
      const err = await failWith(
        status,
        apiError("Invalid 'expires_after.seconds': integer below minimum value.", {
          param: "expires_after.seconds",
          code: "integer_below_min_value",
        }),
      );
      expect(err).toBeInstanceOf(Cls);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(OpenAIRealtimeError);
      expect(guard(err)).toBe(true);
      expect(isAPIError(err)).toBe(true);
      expect(isOpenAIRealtimeError(err)).toBe(true);
      expect(isAPIConnectionError(err)).toBe(false);
      const e = err as APIError;
      expect(e.name).toBe(Cls.name);
      expect(e.message).toBe(
        `${status} POST /realtime/calls/rtc_1/hangup: Invalid 'expires_after.seconds': integer below minimum value. ` +
          "(param: expires_after.seconds, code: integer_below_min_value, request id: req_123)",
      );
      expect(e.status).toBe(status);
      expect(e.method).toBe("POST");
      expect(e.path).toBe("/realtime/calls/rtc_1/hangup");
      expect(e.requestId).toBe("req_123");
      expect(e.apiMessage).toBe("Invalid 'expires_after.seconds': integer below minimum value.");
      expect(e.param).toBe("expires_after.seconds");
      expect(e.code).toBe("integer_below_min_value");
      expect(e.type).toBe("invalid_request_error");
      expect(e.headers["x-request-id"]).toBe("req_123");
    });
  }

  it("an unmapped status is a plain APIError", async () => {
    const err = await failWith(405, apiError("Method not allowed."));
    expect(err).toBeInstanceOf(APIError);
    expect((err as Error).name).toBe("APIError");
    expect((err as Error).message).toBe("405 POST /realtime/calls/rtc_1/hangup: Method not allowed. (request id: req_123)");
  });

  it("a non-JSON error body is quoted, whitespace collapsed", async () => {
    const err = await failWith(502, "<html>\n  <h1>Bad gateway</h1>\n</html>");
    expect((err as Error).message).toBe(
      "502 POST /realtime/calls/rtc_1/hangup: <html> <h1>Bad gateway</h1> </html> (request id: req_123)",
    );
  });

  it("an empty error body says so", async () => {
    const err = await failWith(404, "");
    expect((err as Error).message).toBe(
      "404 POST /realtime/calls/rtc_1/hangup: no error message in the response (request id: req_123)",
    );
  });
});

describe("error serialization and guards", () => {
  it("toJSON keeps the fields, so the error survives a process boundary", async () => {
    const err = await failWith(429, apiError("Rate limit reached.", { type: "requests", code: "rate_limit_exceeded" }));
    const copy = JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
    expect(copy).toMatchObject({
      name: "RateLimitError",
      message: "429 POST /realtime/calls/rtc_1/hangup: Rate limit reached. (code: rate_limit_exceeded, request id: req_123)",
      status: 429,
      requestId: "req_123",
      code: "rate_limit_exceeded",
      type: "requests",
    });
    expect(isRateLimitError(copy)).toBe(true);
    expect(isAPIError(copy)).toBe(true);
    expect(isRateLimitError({ ...copy, name: "BadRequestError" })).toBe(false);
  });

  it("guards reject non-errors and foreign names", () => {
    for (const guard of [isOpenAIRealtimeError, isAPIError, isRateLimitError, isAPIConnectionError]) {
      expect(guard(undefined)).toBe(false);
      expect(guard(null)).toBe(false);
      expect(guard("RateLimitError")).toBe(false);
      expect(guard(new TypeError("x"))).toBe(false);
      expect(guard({ name: "Error" })).toBe(false);
    }
  });

  it("connection, timeout, validation and webhook errors have their own names and guards", () => {
    const timeout = new APITimeoutError("POST", "/realtime/sessions", 50);
    expect(timeout.message).toBe("POST /realtime/sessions: request timed out after 50 ms");
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(isAPITimeoutError(timeout)).toBe(true);
    expect(isAPIConnectionError(timeout)).toBe(true);
    expect(isAPIError(timeout)).toBe(false);

    const validation = new RequestValidationError("POST", "/realtime/client_secrets", [
      { path: "expires_after.seconds", message: "Invalid 'expires_after.seconds': integer above maximum value.", code: "integer_above_max_value" },
      { path: "session.foo", message: "Unknown parameter: 'session.foo'.", code: "unknown_parameter" },
    ]);
    expect(validation.message).toBe(
      "POST /realtime/client_secrets: invalid request body: Invalid 'expires_after.seconds': integer above maximum value. Unknown parameter: 'session.foo'.",
    );
    expect(validation.issues.map((i) => i.path)).toEqual(["expires_after.seconds", "session.foo"]);
    expect(isRequestValidationError(validation)).toBe(true);
    expect(isOpenAIRealtimeError(validation)).toBe(true);

    const webhook = new WebhookVerificationError("missing_header", "Missing webhook-id header");
    expect(isWebhookVerificationError(webhook)).toBe(true);
    expect(webhook.reason).toBe("missing_header");
    expect(inspect(webhook)).toContain("WebhookVerificationError: Missing webhook-id header");
  });
});
