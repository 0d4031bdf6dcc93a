// The README's client snippet is examples/client/quickstart.ts, word for word, and the command
// printed under it runs it against the emulator.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { readmeSnippet, shellCommands } from "../../helpers/readme";

const ROOT = join(__dirname, "..", "..", "..");
let emulator: TestEmulator;
beforeAll(async () => {
  // The key the README's command uses.
  emulator = await TestEmulator.start({ apiKey: "sk-test" });
});
afterAll(() => emulator.close());

it("the README's Client snippet is the example file", () => {
  expect(readmeSnippet("client-quickstart").code).toBe(readFileSync(join(ROOT, "examples", "client", "quickstart.ts"), "utf8"));
});

it("the printed command mints a token, makes a call and ends it on the emulator", async () => {
  const [command] = shellCommands(readmeSnippet("client-quickstart-run"));
  const words = [...command!];
  const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  expect(env.OPENAI_BASE_URL).toBe("http://127.0.0.1:4010/v1");
  // The emulator of this test listens on a free port rather than 4010, which another run may hold.
  env.OPENAI_BASE_URL = emulator.url;
  expect(words).toEqual(["npx", "node", "examples/client/quickstart.ts"]);
  const { stdout, stderr } = await promisify(execFile)(words[0]!, words.slice(1), { cwd: ROOT, env });
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^token expires at \d{10} \(request id req_\w+\)$/);
  const callId = /^call (rtc_\w+) answered with \d+ SDP lines$/.exec(lines[1] ?? "")?.[1];
  expect(callId).toBeDefined();
  expect(lines[2]).toBe(`call ${callId} ended`);
  expect(stdout + stderr).not.toMatch(/ek_[A-Za-z0-9]/);
  const call = (await (await fetch(`${new URL(emulator.url).origin}/_emulator/calls/${callId}`)).json()) as { status: string };
  expect(call.status).toBe("ended");
});
