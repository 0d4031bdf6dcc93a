// What `npm run setup` shows of npm ci's output when npm runs on an older
// system Node: the EBADENGINE warnings go (setup continues on the pinned
// Node 24 and says so in one line), everything else npm printed stays.
import { describe, expect, it } from "vitest";
import { dropEngineWarnings } from "../../../scripts/setup.js";

const engineWarning = (pkg: string) =>
  [
    "npm warn EBADENGINE Unsupported engine {",
    `npm warn EBADENGINE   package: '${pkg}',`,
    "npm warn EBADENGINE   required: { node: '>=22' },",
    "npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '10.8.2' }",
    "npm warn EBADENGINE }",
  ].join("\n");

describe("setup's npm ci output", () => {
  it("drops each EBADENGINE block and counts them, keeping npm's other lines in order", () => {
    const stderr = [engineWarning("@pulumi/pulumi@3.270.0"), "npm warn deprecated glob@7.2.3: no longer supported", engineWarning("undici@7.30.2"), ""].join("\n");
    const { kept, engineWarnings } = dropEngineWarnings(stderr);
    expect(engineWarnings).toBe(2);
    expect(kept).toBe("npm warn deprecated glob@7.2.3: no longer supported\n");
    expect(kept).not.toContain("EBADENGINE");
  });

  it("passes output without engine warnings through unchanged", () => {
    const stderr = "npm error code ENOTFOUND\nnpm error network request failed\n";
    expect(dropEngineWarnings(stderr)).toEqual({ kept: stderr, engineWarnings: 0 });
  });
});
