import { describe, expect, it } from "vitest";
import { parseRouterArgs } from "../../../src/cli/router";

describe("parseRouterArgs", () => {
  it("reads the route source and defaults", () => {
    expect(parseRouterArgs(["--routes", "routes.json", "--port", "8787"])).toEqual({
      source: { kind: "routes", value: "routes.json" },
      port: 8787,
      host: "127.0.0.1",
      store: undefined,
      secretFile: undefined,
      maxBodyBytes: 65536,
      maxRetries: 4,
      storeTimeoutMs: 2000,
      drainSeconds: 25,
      maxConnections: 1024,
    });
  });

  it.each([
    [[], "give exactly one of --config, --routes, --stack (got none)."],
    [["--routes", "a", "--stack", "o/p/s"], "give exactly one of --config, --routes, --stack (got --routes, --stack)."],
    [["--stack", "dev"], "--stack must be a fully qualified stack name ORG/PROJECT/STACK (got 'dev')."],
    [["--routes", "a", "--port", "99999"], "--port must be an integer from 0 to 65535 (got '99999')."],
    [["--routes", "a", "--store", "mysql://u:pw@h"], "--store must be 'memory' or a redis:// or rediss:// URL (got 'mysql://u:***@h')."],
    [["--routes", "a", "--max-retries", "-1"], "--max-retries must be an integer from 0 to 20 (got '-1')."],
    [["--routes", "a", "--verbose"], "Unknown flag '--verbose'."],
  ])("%j -> %s", (argv, message) => {
    expect(() => parseRouterArgs(argv)).toThrow(message);
  });
});
