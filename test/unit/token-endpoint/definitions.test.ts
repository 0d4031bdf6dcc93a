import { describe, expect, it } from "vitest";
import { parseTokenEndpoints, TokenEndpointsError } from "../../../src/token-endpoint/definitions";

const session = { type: "realtime", model: "gpt-realtime", audio: { output: { voice: "marin" } } };
const web = { template: "concierge", revision: "a".repeat(64), session };

describe("parseTokenEndpoints", () => {
  it("fills in the lifetime (60 s) and bearer auth, and keeps what is written", () => {
    const parsed = parseTokenEndpoints({
      web,
      kiosk: { ...web, expiresAfterSeconds: 120, auth: "none", allowedOrigins: ["https://app.example.com"], rateLimit: { perMinute: 30, burst: 10 } },
    });
    expect(parsed.web).toEqual({ ...web, expiresAfterSeconds: 60, auth: "bearer" });
    expect(parsed.kiosk).toMatchObject({ expiresAfterSeconds: 120, auth: "none", rateLimit: { perMinute: 30, burst: 10 } });
  });

  it("accepts a transcription session and origins with ports or IPv6 hosts", () => {
    const parsed = parseTokenEndpoints({
      stt: { ...web, session: { type: "transcription" }, allowedOrigins: ["http://localhost:5173", "http://[::1]:8080", "*"] },
    });
    expect(parsed.stt!.allowedOrigins).toHaveLength(3);
  });

  it("names each bad field with its path and the allowed values", () => {
    const bad = (value: unknown): string => {
      try {
        parseTokenEndpoints(value);
      } catch (error) {
        expect(error).toBeInstanceOf(TokenEndpointsError);
        return (error as Error).message;
      }
      throw new Error("expected a TokenEndpointsError");
    };
    expect(bad({ web: { ...web, auth: "basic" } })).toContain(
      "Invalid value for 'tokenEndpoints.web.auth': 'basic'. Supported values are: 'bearer', 'jwt', 'none'.",
    );
    expect(bad({ web: { ...web, expiresAfterSeconds: 5 } })).toContain("'tokenEndpoints.web.expiresAfterSeconds'");
    expect(bad({ web: { ...web, allowedOrigins: ["https://app.example.com/"] } })).toContain("tokenEndpoints.web.allowedOrigins[0]");
    expect(bad({ web: { ...web, rateLimit: { perMinute: 0 } } })).toContain("tokenEndpoints.web.rateLimit.perMinute");
    expect(bad({ web: { ...web, extra: 1 } })).toContain("Unknown parameter: 'tokenEndpoints.web.extra'.");
    expect(bad({ web: { template: "concierge", session } })).toContain("Missing required parameter: 'tokenEndpoints.web.revision'.");
    expect(bad({ web: { ...web, session: { type: "realtime", model: "gpt-realtime", voice: 1 } } })).toContain("tokenEndpoints.web.session");
    expect(bad({ "9lives": web })).toContain("9lives");
    expect(bad([web])).toContain("tokenEndpoints");
  });
});
