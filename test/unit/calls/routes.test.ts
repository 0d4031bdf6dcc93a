import { describe, expect, it } from "vitest";
import { parseResolvedRoutes, REFER_BRIDGE_SESSION, stepsFor } from "../../../src/calls/routes";

const session = { type: "realtime", model: "gpt-realtime" };

describe("parseResolvedRoutes", () => {
  it("accepts a resolved list", () => {
    const routes = [{ action: "accept", session }, { action: "refer", targetUri: "tel:+1" }, { action: "reject" }];
    expect(parseResolvedRoutes(routes)).toEqual(routes);
  });

  it("refuses an accept without a session, naming the template", () => {
    expect(() => parseResolvedRoutes([{ action: "accept", template: "concierge" }])).toThrow(
      "Invalid call routes: callRoutes[0].session: an accept route needs the session to accept with (template 'concierge' is not resolved here)",
    );
  });

  it("refuses a transcription session for a call", () => {
    expect(() => parseResolvedRoutes([{ action: "accept", session: { type: "transcription" } }])).toThrow(
      "callRoutes[0].session.type: a call is accepted with a 'realtime' session, got 'transcription'",
    );
  });

  it("names schema problems with their path", () => {
    expect(() => parseResolvedRoutes([{ action: "reject" }, { action: "transfer" }])).toThrow(
      "Invalid call routes: Invalid value for 'callRoutes[1].action': 'transfer'. Supported values are: 'accept', 'refer', 'reject'.",
    );
    expect(() => parseResolvedRoutes([{ action: "reject", statusCode: 200 }])).toThrow(
      "Invalid 'callRoutes[0].statusCode': integer below minimum value. Expected a value >= 400, but got 200 instead.",
    );
    expect(() => parseResolvedRoutes([{ action: "refer", targetUri: "+1415" }])).toThrow(
      "Invalid value for 'callRoutes[0].targetUri': '+1415'. Expected a string matching the pattern '^(sip|sips|tel):'.",
    );
  });
});

describe("stepsFor", () => {
  it("maps each route kind to its API calls", () => {
    expect(stepsFor({ action: "accept", session: session as never })).toEqual([{ action: "accept", session }]);
    expect(stepsFor({ action: "refer", targetUri: "tel:+1" })).toEqual([
      { action: "accept", session: REFER_BRIDGE_SESSION },
      { action: "refer", targetUri: "tel:+1" },
    ]);
    expect(stepsFor({ action: "reject" })).toEqual([{ action: "reject", statusCode: 603 }]);
    expect(stepsFor({ action: "reject", statusCode: 486 })).toEqual([{ action: "reject", statusCode: 486 }]);
    expect(stepsFor(undefined)).toEqual([{ action: "reject", statusCode: 603 }]);
  });
});
