import { describe, expect, it } from "vitest";
import { RealtimeSessionCreateRequestGA } from "../../../src/schemas";
import { canonicalJson, newRevisionKey, revisionOf } from "../../../src/provider/canonical";
import { toRequestBody } from "../../../src/provider/normalize";
import { redactSecrets } from "../../../src/provider/redact";
import { STANDARD_WEBHOOKS_EXAMPLE_SECRET } from "../../helpers/webhook-secrets";

describe("toRequestBody", () => {
  it("drops response-only fields and keeps nulls the request accepts", () => {
    const effective = {
      type: "realtime",
      object: "realtime.session",
      id: "sess_C9CiUVUzUzYIssh3ELY1d",
      expires_at: 0,
      model: "gpt-realtime",
      tracing: null,
      include: null,
      brand_new_field: { from: "a later API" },
      audio: { input: { turn_detection: null }, output: { voice: "alloy", speed: 1 } },
    };
    const body = toRequestBody(effective, RealtimeSessionCreateRequestGA);
    expect(body).toEqual({
      type: "realtime",
      model: "gpt-realtime",
      tracing: null,
      audio: { input: { turn_detection: null }, output: { voice: "alloy", speed: 1 } },
    });
    expect(RealtimeSessionCreateRequestGA.safeParse(body).success).toBe(true);
    expect(effective.id).toBe("sess_C9CiUVUzUzYIssh3ELY1d");
  });
});

describe("revision", () => {
  it("is an HMAC of JSON with sorted keys under the resource's own key", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    const key = newRevisionKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionOf({ b: 1, a: 2 }, key)).toBe(revisionOf({ a: 2, b: 1 }, key));
    expect(revisionOf({ a: 2 }, key)).not.toBe(revisionOf({ a: 2 }, newRevisionKey()));
    // The plain sha256 earlier releases stored, for comparing their state.
    expect(revisionOf({}, key)).not.toBe(revisionOf({}, undefined));
    expect(revisionOf({}, undefined)).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
});

describe("redactSecrets", () => {
  it("masks keys, client secrets and webhook secrets", () => {
    expect(
      redactSecrets(`Incorrect API key provided: sk-proj-abc123XYZ. token ek_68af296e8e40 ${STANDARD_WEBHOOKS_EXAMPLE_SECRET}`),
    ).toBe("Incorrect API key provided: sk-[REDACTED]. token ek_[REDACTED] whs[REDACTED]");
  });
});
