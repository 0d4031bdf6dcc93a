import { describe, expect, it } from "vitest";
import { disallowUnauthenticatedTokenEndpoint } from "../../../src/rules";
import { endpoint, run } from "./fixtures";

describe("openai-realtime-disallow-unauthenticated-token-endpoint", () => {
  it.each(["bearer", "jwt"])("passes auth: %s", (auth) => {
    expect(run(disallowUnauthenticatedTokenEndpoint, endpoint((p) => (p.auth = auth)))).toEqual([]);
  });

  it("flags auth: none", () => {
    expect(run(disallowUnauthenticatedTokenEndpoint, endpoint((p) => (p.auth = "none")))).toEqual([
      {
        path: ["auth"],
        message: "auth is 'none': anyone who can reach this endpoint mints tokens billed to the project; use 'bearer' or 'jwt'.",
      },
    ]);
  });

  it("allows auth: none when the policy config says so", () => {
    const subject = endpoint((p) => (p.auth = "none"));
    expect(run(disallowUnauthenticatedTokenEndpoint, subject, { allowUnauthenticated: true })).toEqual([]);
  });
});
