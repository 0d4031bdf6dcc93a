import { describe, expect, it } from "vitest";
import { isActive, parseSuppressions } from "../../../../src/cli/validate/suppressions";
import { clientSecretMaxTtl, enforceMcpApproval } from "../../../../src/rules";

describe("parseSuppressions", () => {
  it("reads rule, reason and expiry", () => {
    expect(parseSuppressions(["openai-realtime:ignore OAIRT003 kiosk needs an hour until: 2026-12-31"])).toEqual({
      suppressions: [{ rule: clientSecretMaxTtl, reason: "kiosk needs an hour", until: "2026-12-31" }],
      errors: [],
    });
  });

  it("accepts a policy name, an expiry before the reason, and ignores other comments", () => {
    expect(
      parseSuppressions(["the kiosk token", "openai-realtime:ignore openai-realtime-enforce-mcp-approval until: 2027-01-31 - vetted internal server"]),
    ).toEqual({ suppressions: [{ rule: enforceMcpApproval, reason: "vetted internal server", until: "2027-01-31" }], errors: [] });
  });

  it("reports a missing reason, an unknown rule, a missing rule and a bad date", () => {
    expect(
      parseSuppressions([
        "openai-realtime:ignore OAIRT003",
        "openai-realtime:ignore OAIRT003 until: 2027-01-01",
        "openai-realtime:ignore OAIRT999 because",
        "openai-realtime:ignore",
        "openai-realtime:ignore OAIRT003 later until: next-year",
      ]).errors,
    ).toEqual([
      "The suppression of OAIRT003 needs a reason: # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD].",
      "The suppression of OAIRT003 needs a reason: # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD].",
      "Unknown rule 'OAIRT999' in a suppression; use a rule id such as OAIRT003: # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD].",
      "A suppression must name a rule: # openai-realtime:ignore <rule-id> <reason> [until: YYYY-MM-DD].",
      "The suppression of OAIRT003 has 'until: next-year'; write the date as YYYY-MM-DD.",
    ]);
  });

  it("holds through its last day", () => {
    const [suppression] = parseSuppressions(["openai-realtime:ignore OAIRT003 reason until: 2026-11-25"]).suppressions;
    if (suppression === undefined) throw new Error("no suppression");
    expect(isActive(suppression, "2026-11-25")).toBe(true);
    expect(isActive(suppression, "2026-11-26")).toBe(false);
  });
});
