// A base URL that does not parse is refused at preview, before any request,
// naming the setting, with its user and password redacted (never echoed in
// the message, the state or a replace reason).
import { describe, expect, it } from "vitest";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-base-url-test-0a9c";
const BAD_URL = "http://admin:hunter2@127.0.0.1:port/v1";

describe("an unparseable base URL", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);

  it("is refused at preview with the user and password redacted", async () => {
    stack.ws.write(
      "index.ts",
      'import { ClientSecret } from "pulumi-openai-realtime";\nexport const id = new ClientSecret("web", { session: { type: "realtime" } }).sessionId;\n',
    );
    // Stored as a secret: the harness refuses a plaintext base URL that is not loopback.
    await stack.ws.run(["config", "set", "--secret", "openai-realtime:baseUrl", BAD_URL], { check: true });
    const preview = await stack.ws.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(
      'the API base URL (stack config openai-realtime:baseUrl or OPENAI_BASE_URL) is not a valid URL: "http://[REDACTED]@127.0.0.1:port/v1"',
    );
    expect(preview.output).not.toContain("hunter2");
    expect(await stack.emulator.apiRequests()).toBe(0);
  });
});
