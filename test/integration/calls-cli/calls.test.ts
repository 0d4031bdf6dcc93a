// `pulumi-openai-realtime calls ...` against the emulator: every --help
// example as printed, state changes, --json output and exit codes.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../../helpers/emulator";
import { SDP_OFFER } from "../../unit/emulator/helpers";
import { Calls, CLI, helpExamples, tempDir } from "../router/helpers";

const run = promisify(execFile);
const API_KEY = "sk-calls-cli-test-4b1d";

const REALTIME_YAML = `templates:
  concierge:
    session: { type: realtime, model: gpt-realtime, instructions: "You are the concierge." }
`;

describe("calls command", { timeout: 60_000 }, () => {
  let emulator: TestEmulator;
  let calls: Calls;
  let dir: string;

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
        cwd: dir,
        env: { ...process.env, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: emulator.url },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /** An incoming SIP call, optionally accepted first (refer and hang-up need a live call). */
  async function call(accepted = false): Promise<string> {
    const id = await calls.incoming({ To: "sip:+14155550123@x", From: "sip:+1" });
    if (accepted) expect((await cli(["calls", "accept", id, "--session", "session.json"])).code).toBe(0);
    return id;
  }

  beforeAll(async () => {
    emulator = await TestEmulator.start({ apiKey: API_KEY });
    calls = new Calls(emulator.url);
    dir = tempDir();
    fs.writeFileSync(path.join(dir, "session.json"), JSON.stringify({ type: "realtime", model: "gpt-realtime", instructions: "From a file." }));
    fs.writeFileSync(path.join(dir, "offer.sdp"), SDP_OFFER);
    fs.writeFileSync(path.join(dir, "realtime.yaml"), REALTIME_YAML);
  });

  afterAll(async () => {
    await emulator?.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs every --help example as printed (with real call ids)", async () => {
    const help = await cli(["calls", "--help"]);
    expect(help.code).toBe(0);
    const examples = helpExamples(help.stdout);
    expect(examples).toHaveLength(6);
    const expected: Record<string, string> = { accept: "accepted", refer: "referred", reject: "rejected", hangup: "ended" };
    for (const args of examples) {
      const action = args[1]!;
      const id = action === "create" ? undefined : await call(action === "refer" || action === "hangup");
      const res = await cli(args.map((a) => (a === "rtc_123" ? id! : a)));
      expect(res.code, `${args.join(" ")}\n${res.stderr}`).toBe(0);
      if (id !== undefined) expect((await calls.get(id)).status, args.join(" ")).toBe(expected[action]);
    }
  });

  it("accepts with a template's session from realtime.yaml", async () => {
    const id = await call();
    const res = await cli(["calls", "accept", id, "--template", "concierge", "--config", "realtime.yaml", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ callId: id, action: "accept", status: "ok", template: "concierge" });
    expect((await calls.get(id)).session?.["instructions"]).toBe("You are the concierge.");
  });

  it("rejects with the status given and prints JSON", async () => {
    const id = await call();
    const res = await cli(["calls", "reject", id, "--status", "486", "--json"]);
    expect(JSON.parse(res.stdout)).toEqual({ callId: id, action: "reject", status: "ok", statusCode: 486 });
    expect(await calls.get(id)).toMatchObject({ status: "rejected", reject_status_code: 486 });
  });

  it("creates a WebRTC call: prints the call id and writes the SDP answer", async () => {
    const res = await cli(["calls", "create", "--sdp", "offer.sdp", "--answer", "out.sdp"]);
    expect(res.code, res.stderr).toBe(0);
    const id = res.stdout.trim();
    expect(id).toMatch(/^rtc_/);
    expect(fs.readFileSync(path.join(dir, "out.sdp"), "utf8")).toMatch(/^v=0/);
    expect(res.stderr).toContain("SDP answer written to out.sdp");
  });

  it("exits 1 with the API's message when the API refuses", async () => {
    const id = await call();
    const res = await cli(["calls", "refer", id, "--to", "tel:+14155550123"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Cannot refer call '${id}'`);
    const json = await cli(["calls", "hangup", "rtc_does_not_exist", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "error", error: { httpStatus: 404 } });
    expect(json.stdout + json.stderr + res.stderr).not.toContain(API_KEY);
  });

  it("exits 2 for command-line mistakes, naming the flag and the allowed values", async () => {
    const cases: Array<[string[], string]> = [
      [["calls", "dial"], "unknown action 'dial'. Allowed: accept, reject, refer, hangup, create."],
      [["calls", "accept"], "calls accept needs a call id"],
      [["calls", "accept", "rtc_1"], "calls accept needs either --session FILE or --template NAME --config FILE."],
      [["calls", "reject", "rtc_1", "--status", "99"], "--status must be a SIP status from 400 to 699 (got '99')."],
      [["calls", "refer", "rtc_1", "--to", "+1415"], "--to must start with sip:, sips: or tel: (got '+1415')."],
      [["calls", "hangup", "rtc_1", "--force"], "Unknown flag '--force'. Allowed flags: --json, --help."],
      [["calls", "accept", "rtc_1", "--session", "missing.json"], "--session: cannot read missing.json: ENOENT"],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args)));
    cases.forEach(([args, message], i) => {
      expect(results[i]!.code, args.join(" ")).toBe(2);
      expect(results[i]!.stderr, args.join(" ")).toContain(message);
    });
    fs.writeFileSync(path.join(dir, "bad-session.json"), JSON.stringify({ type: "realtime", model: "gpt-realtime", audio: { output: { speed: 9 } } }));
    const bad = await cli(["calls", "accept", "rtc_1", "--session", "bad-session.json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("session.audio.output.speed");
  });
});
