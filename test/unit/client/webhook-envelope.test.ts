import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { envelopeProblems } from "../../../src/client/webhook-envelope";
import { validate, WebhookEvent } from "../../../src/schemas";

const EVENT = { id: "evt_1", type: "realtime.call.incoming", created_at: 1_750_000_000, data: { call_id: "rtc_1" } };

describe("webhook envelope check", () => {
  it("accepts an event and names each problem of a broken one", () => {
    expect(envelopeProblems(EVENT)).toEqual([]);
    expect(envelopeProblems({ ...EVENT, data: undefined })).toEqual(["Missing required parameter: 'data'."]);
    expect(envelopeProblems({ ...EVENT, id: 7, created_at: 1.5 })).toEqual([
      "Invalid type for 'id': expected a string, got an integer.",
      "Invalid type for 'created_at': expected an integer, got a number.",
    ]);
    expect(envelopeProblems([])).toEqual(["Invalid type for 'body': expected an object, got an array."]);
  });

  it("takes a null optional field as absent, as the schema does (a counterexample random input once found)", () => {
    const event = { id: "", type: "", created_at: 0, object: null, data: {}, extra: {} };
    expect(validate(WebhookEvent, event).ok).toBe(true);
    expect(envelopeProblems(event)).toEqual([]);
    expect(envelopeProblems({ ...EVENT, object: 1 })).toEqual(["Invalid type for 'object': expected a string, got an integer."]);
  });

  it("agrees with the WebhookEvent schema on random input", () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
    );
    const body = fc.oneof(
      fc.record({ id: field, type: field, created_at: field, object: field, data: field, extra: field }),
      fc.record({ id: fc.string(), type: fc.string(), created_at: fc.integer(), data: fc.object() }),
      field,
    );
    fc.assert(
      fc.property(body, (json) => {
        const clean = JSON.parse(JSON.stringify(json ?? null)) as unknown;
        expect(envelopeProblems(clean).length === 0).toBe(validate(WebhookEvent, clean).ok);
      }),
      { numRuns: 2_000 },
    );
  });
});
