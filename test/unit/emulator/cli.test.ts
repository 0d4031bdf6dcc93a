import { describe, expect, it } from "vitest";
import { parseEmulatorArgs } from "../../../src/cli/emulator";
import { main } from "../../../src/cli/main";

function capture(): { io: { stdout(t: string): void; stderr(t: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) }, out, err };
}

describe("parseEmulatorArgs", () => {
  it("maps every flag to an option", () => {
    expect(
      parseEmulatorArgs([
        "--port",
        "4010",
        "--host=0.0.0.0",
        "--api-key",
        "sk-local",
        "--webhook-url",
        "http://127.0.0.1:9000/hooks",
        "--webhook-secret",
        "whsec_c2VjcmV0",
        "--latency-ms",
        "25",
        "--fault-rate",
        "0.25",
        "--fault-status",
        "429,503",
      ]),
    ).toEqual({
      port: 4010,
      host: "0.0.0.0",
      apiKey: "sk-local",
      webhookUrl: "http://127.0.0.1:9000/hooks",
      webhookSecret: "whsec_c2VjcmV0",
      latencyMs: 25,
      faultRate: 0.25,
      faultStatuses: [429, 503],
    });
    expect(parseEmulatorArgs([])).toEqual({});
  });

  it.each([
    [["--port", "70000"], "--port must be an integer from 0 to 65535 (got '70000')."],
    [["--port", "abc"], "--port must be an integer from 0 to 65535 (got 'abc')."],
    [["--port"], "Flag --port needs a value."],
    [["--port", "--host", "x"], "Flag --port needs a value."],
    [["--latency-ms", "-5"], "--latency-ms must be an integer from 0 to 60000 (got '-5')."],
    [["--fault-rate", "1.5"], "--fault-rate must be a number from 0 to 1 (got '1.5')."],
    [["--fault-status", "429,200"], "--fault-status must be comma-separated HTTP statuses from 400 to 599, e.g. 429,503 (got '429,200')."],
    [["--webhook-url", "http://x"], "--webhook-url and --webhook-secret must be given together."],
    [["--webhook-url", "ftp://x", "--webhook-secret", "whsec_c2VjcmV0"], "--webhook-url must be an http:// or https:// URL (got 'ftp://x')."],
    [["--webhook-url", "http://x", "--webhook-secret", "hunter2"], "--webhook-secret must be 'whsec_' followed by a base64 key."],
    [["--verbose"], "Unknown flag '--verbose'. Allowed flags: --port, --host, --api-key, --webhook-url, --webhook-secret, --latency-ms, --fault-rate, --fault-status, --help."],
    [["4010"], "Unexpected argument '4010'. Allowed flags: --port, --host, --api-key, --webhook-url, --webhook-secret, --latency-ms, --fault-rate, --fault-status, --help."],
  ])("rejects %j", (argv, message) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(message);
  });
});

describe("main", () => {
  it("lists the commands on --help", async () => {
    const { io, out } = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(out.join("")).toContain("\n  emulator  serve a local Realtime REST API");
    for (const name of ["init", "validate", "emulator", "router", "calls"]) expect(out.join("")).toMatch(new RegExp(`\\n  ${name} +\\S`));
  });

  it("exits 2 with usage for no command and an unknown one", async () => {
    const none = capture();
    expect(await main([], none.io)).toBe(2);
    expect(none.err.join("")).toContain("Usage: pulumi-openai-realtime <command> [flags]");
    const unknown = capture();
    expect(await main(["deploy"], unknown.io)).toBe(2);
    expect(unknown.err.join("")).toBe(
      "pulumi-openai-realtime: unknown command 'deploy'. Commands: init, validate, emulator, router, calls, tokens, due.\nRun 'pulumi-openai-realtime --help' for usage.\n",
    );
  });

  it("exits 2 naming the bad flag without echoing secrets", async () => {
    const { io, err } = capture();
    expect(await main(["emulator", "--webhook-url", "http://x", "--webhook-secret", "hunter2"], io)).toBe(2);
    expect(err.join("")).toBe(
      "pulumi-openai-realtime emulator: --webhook-secret must be 'whsec_' followed by a base64 key.\n" +
        "Run 'pulumi-openai-realtime emulator --help' for usage.\n",
    );
  });

  it("prints the emulator's flags on emulator --help", async () => {
    const { io, out } = capture();
    expect(await main(["emulator", "--help"], io)).toBe(0);
    expect(out.join("")).toContain("--fault-status LIST");
  });
});
