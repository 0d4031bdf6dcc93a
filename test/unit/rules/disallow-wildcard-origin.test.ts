import { describe, expect, it } from "vitest";
import { disallowWildcardOrigin } from "../../../src/rules";
import { endpoint, run } from "./fixtures";

describe("openai-realtime-disallow-wildcard-origin", () => {
  it("passes listed origins, an empty list and no list", () => {
    expect(run(disallowWildcardOrigin, endpoint())).toEqual([]);
    expect(run(disallowWildcardOrigin, endpoint((p) => (p.allowedOrigins = [])))).toEqual([]);
    expect(run(disallowWildcardOrigin, endpoint((p) => delete p.allowedOrigins))).toEqual([]);
  });

  it("flags each '*' at its index", () => {
    const subject = endpoint((p) => (p.allowedOrigins = ["https://app.example.com", "*"]));
    expect(run(disallowWildcardOrigin, subject)).toEqual([
      {
        path: ["allowedOrigins", 1],
        message: "allowedOrigins[1] is '*': any web page could mint tokens from this endpoint; list the app's origins instead.",
      },
    ]);
  });

  it("flags a host pattern, which a program's own tokenEndpoints output may hold", () => {
    const subject = endpoint((p) => (p.allowedOrigins = ["https://*.example.com"]));
    expect(run(disallowWildcardOrigin, subject)[0]?.message).toBe(
      "allowedOrigins[0] is 'https://*.example.com': any page on a matching host could mint tokens from this endpoint; list the app's origins instead.",
    );
  });
});
