import { describe, expect, it } from "vitest";
import { parseTokensArgs } from "../../../src/cli/tokens";

describe("parseTokensArgs", () => {
  it("reads one endpoint source and the defaults", () => {
    expect(parseTokensArgs(["--endpoints", "e.json"])).toMatchObject({
      source: { kind: "endpoints", value: "e.json" },
      port: 0,
      host: "127.0.0.1",
      reloadSeconds: 30,
      maxBodyBytes: 16_384,
      maxRetries: 2,
    });
  });

  it.each([
    [[], "give exactly one of --endpoints, --stack, --config (got none)."],
    [["--endpoints", "a", "--stack", "o/p/s"], "give exactly one of --endpoints, --stack, --config (got --endpoints, --stack)."],
    [["--stack", "dev"], "--stack must be a fully qualified stack name ORG/PROJECT/STACK (got 'dev')."],
    [["--endpoints", "a", "--store", "memcached://:pw@h:6379"], "--store must be 'memory' or a redis:// or rediss:// URL"],
    [["--endpoints", "a", "--jwks-url", "https://k", "--jwt-public-key", "k.pem"], "give one of --jwks-url and --jwt-public-key, not both."],
    [["--endpoints", "a", "--jwks-url", "ftp://k"], "--jwks-url must be an http(s) URL (got 'ftp://k')."],
    [["--endpoints", "a", "--jwt-audience", "x"], "--jwt-issuer and --jwt-audience need --jwks-url or --jwt-public-key."],
    [["--endpoints", "a", "--reload-seconds", "-1"], "--reload-seconds must be an integer from 0 to 86400"],
    [["--endpoints", "a", "--bogus"], "Unknown flag '--bogus'."],
  ])("refuses %j naming the flag", (argv, message) => {
    expect(() => parseTokensArgs(argv)).toThrow(message);
  });

  it("never repeats a Redis password", () => {
    expect(() => parseTokensArgs(["--endpoints", "a", "--store", "memcached://:s3cret-pw@h:6379"])).toThrow(/^(?!.*s3cret-pw)/);
  });
});
