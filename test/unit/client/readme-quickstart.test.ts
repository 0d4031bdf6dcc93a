// The README's client snippet is examples/client/quickstart.ts, word for word, and it runs as
// printed against the emulator.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";

const ROOT = join(__dirname, "..", "..", "..");
const KEY = "sk-test-readme-quickstart";
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await TestEmulator.start({ apiKey: KEY });
});
afterAll(() => emulator.close());

it("the README's Client snippet is the example file", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Client\n"), readme.indexOf("\n## ", readme.indexOf("## Client\n") + 1));
  const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(snippet).toBe(readFileSync(join(ROOT, "examples", "client", "quickstart.ts"), "utf8"));
  expect(section).toContain("npx node examples/client/quickstart.ts");
});

it("examples/client/quickstart.ts mints a token and makes and ends a call on the emulator", async () => {
  // `npx node` in this repo is Node 24, which runs TypeScript by stripping types: the same binary.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["examples/client/quickstart.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", OPENAI_API_KEY: KEY, OPENAI_BASE_URL: emulator.url },
  });
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^token expires at \d{10} \(request id req_\w+\)$/);
  const callId = /^call (rtc_\w+) answered with \d+ SDP lines$/.exec(lines[1] ?? "")?.[1];
  expect(callId).toBeDefined();
  expect(lines[2]).toBe(`call ${callId} ended`);
  expect(stdout + stderr).not.toMatch(/ek_[A-Za-z0-9]/);
  const call = (await (await fetch(`${new URL(emulator.url).origin}/_emulator/calls/${callId}`)).json()) as { status: string };
  expect(call.status).toBe("ended");
});
