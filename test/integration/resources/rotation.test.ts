// Expiry-driven rotation on a moved clock (no waiting): a token at its
// rotation point is planned as a replace with the reason (without API calls)
// and re-minted by `pulumi up`, and what depends on it receives the new
// value; and how rotation meets Pulumi's own options (protect, plans,
// ignoreChanges).
//
// One program holds a client secret per scenario, so one `pulumi` run checks
// every scenario at the same moment. Times, from the first `up` at T:
//   plain   expires at T+880, re-minted on expiry; a dependent keeps its fingerprint
//   early   expires at T+1000 with rotateBeforeSeconds 120: due at T+880
//   kept    protected, expires at T+880
//   boxed   inside a protected component (protect inherited), expires at T+880
//   edited  ignoreChanges on session and retainOnDelete, expires at T+880;
//           its instructions come from the environment, to edit them
// At T+879 nothing is due (and the edit plans nothing); at T+880 all are.
// The runs form one timeline; each test awaits the steps it reads. (That
// refresh records an expiry in state is the lifecycle test's.) Beside the
// engine runs, `pulumi-openai-realtime due` reads the same stack at each
// moment and must agree with what the engine plans.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { TestClock } from "../../helpers/clock";
import { readmeSnippet, shellCommands } from "../../helpers/readme";
import type { CommandResult } from "../../helpers/pulumi";
import { useStack } from "../../helpers/stack";
import type { RotationEntry } from "../../../src/cli/due";

const API_KEY = "sk-rotation-test-key-77c2";
const CLIENT_SECRET = "pulumi-nodejs:dynamic/openai-realtime:ClientSecret";
const clock = new TestClock();
const T = clock.seconds;
const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex");
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
const CLI = path.join(repoRoot, "dist", "cli", "main.js");
const STACK = "organization/realtime-resources/test";
const HELP_STACK = "organization/realtime/prod";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret } from "pulumi-openai-realtime";
// A dependent keeps a fingerprint of the token it was given (never the token itself).
import { TokenConsumer } from "./token-consumer";

const session = (instructions: string) => ({ type: "realtime" as const, model: "gpt-realtime", instructions });
const plain = new ClientSecret("plain", { session: session("plain"), expiresAfterSeconds: 880 });
const early = new ClientSecret("early", { session: session("early"), expiresAfterSeconds: 1000, rotateBeforeSeconds: 120 });
const kept = new ClientSecret(
  "kept",
  { session: session("kept"), expiresAfterSeconds: 880 },
  { protect: process.env.KEPT_PROTECT !== "false" },
);
const box = new pulumi.ComponentResource("test:index:Box", "box", {}, { protect: process.env.KEPT_PROTECT !== "false" });
const boxed = new ClientSecret("boxed", { session: session("boxed"), expiresAfterSeconds: 880 }, { parent: box });
const edited = new ClientSecret(
  "edited",
  { session: session(process.env.EDITED_INSTRUCTIONS ?? "Hello."), expiresAfterSeconds: 880 },
  { ignoreChanges: ["session"], retainOnDelete: true },
);

const plainApp = new TokenConsumer("plainApp", plain.value);
const earlyApp = new TokenConsumer("earlyApp", early.value);

const view = (s: ClientSecret) => ({ value: s.value, expiresAt: s.expiresAt, sessionId: s.sessionId });
export const secrets = { plain: view(plain), early: view(early), kept: view(kept), boxed: view(boxed), edited: view(edited) };
export const apps = { plain: plainApp.fingerprint, early: earlyApp.fingerprint };
`;

type Name = "plain" | "early" | "kept" | "boxed" | "edited";
interface Secret {
  value: string;
  expiresAt: number;
  sessionId: string;
}
interface Snapshot {
  secrets: Record<Name, Secret>;
  apps: { plain: string; early: string };
}
interface DueRun {
  code: number;
  stdout: string;
  stderr: string;
}
/** One entry of `due --json`, as the command types it. */
type DueEntry = RotationEntry;
interface DueJson {
  stack: string;
  now: number;
  due: boolean;
  next: DueEntry | null;
  resources: DueEntry[];
}

/** The header of the step for resource `name` in a `--diff` output (`+-type: (replace)`), or "" if it has none. */
function stepOf(output: string, name: string): string {
  let header = "";
  for (const line of output.split("\n")) {
    if (/^\s{4}[-+~ ]{1,2}\S+:\S+: \(/.test(line)) header = line.trim();
    else if (line.trim().startsWith("[urn=") && line.trim().endsWith(`::${name}]`)) return header;
  }
  return "";
}

describe("rotation", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY, { emulator: { now: clock.now } });
  const edit = { EDITED_INSTRUCTIONS: "Goodbye." };
  const env = () => ({ ...clock.env(), ...edit });
  const plan = () => path.join(stack.ws.dir, "plan.json");
  const snapshot = async () => (await stack.ws.outputs(true)) as unknown as Snapshot;
  // The built CLI as a scheduler runs it: in the project, logged in to its backend, on the test clock.
  const due = (args: string[]): Promise<DueRun> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { cwd: stack.ws.dir, env: stack.ws.env(clock.env()) }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      });
    });
  const dueJson = async () => {
    const run = await due(["due", "--stack", STACK, "--json"]);
    return { ...run, json: JSON.parse(run.stdout) as DueJson };
  };
  // The two --help examples (text, then --json), on this stack.
  const examples = async () => {
    const help = await due(["due", "--help"]);
    const lines = help.stdout.split("Examples:\n")[1]!.split("\n").filter((l) => l.startsWith("  pulumi-openai-realtime "));
    const printed = lines.map((line) => line.trim().split(/\s+/).slice(1));
    // docs/resources.md prints the same two commands.
    expect(shellCommands(readmeSnippet("due-commands")).map((c) => c.slice(1))).toEqual(printed);
    const [text, json] = printed.map((args) => args.map((a) => (a === HELP_STACK ? STACK : a)));
    expect(json).toEqual([...text!, "--json"]);
    const run = await due(json!);
    return { text: await due(text!), json: { ...run, json: JSON.parse(run.stdout) as DueJson } };
  };

  // The timeline: each step runs once, after the one before it.
  const once = <T>(run: () => Promise<T>): (() => Promise<T>) => {
    let result: Promise<T> | undefined;
    return () => (result ??= run());
  };
  const minted = once(async () => {
    stack.ws.write("index.ts", PROGRAM);
    const up = await stack.ws.up(clock.env());
    expect(up.code, up.output).toBe(0);
    return snapshot();
  });
  const dueAtMint = once(async () => {
    await minted();
    return dueJson();
  });
  // T+879, with the ignored session edited: nothing is due; saved as a plan.
  const quiet = once(async () => {
    await dueAtMint();
    clock.set(T + 879);
    await stack.emulator.reset();
    const preview = await stack.ws.preview(["--expect-no-changes", "--save-plan", plan()], env());
    return { preview, due: await examples(), requests: await stack.emulator.apiRequests() };
  });
  // T+880: the plan saved a second earlier is stale.
  const stale = once(async () => {
    await quiet();
    clock.set(T + 880);
    const up = await stack.ws.run(["up", "--yes", "--skip-preview", "--plan", plan()], { env: env() });
    return { up, due: await examples(), after: await snapshot() };
  });
  const fresh = once(async (): Promise<{ preview: CommandResult; requests: number }> => {
    await stale();
    await stack.emulator.reset();
    const preview = await stack.ws.preview(["--save-plan", plan()], env());
    return { preview, requests: await stack.emulator.apiRequests() };
  });
  const applied = once(async () => {
    await fresh();
    const up = await stack.ws.run(["up", "--yes", "--skip-preview", "--plan", plan()], { env: env() });
    const mints = (await stack.emulator.requests()) as unknown as Array<{ body: { session: { instructions: string } } }>;
    return { up, due: await dueJson(), after: await snapshot(), instructions: mints.map((r) => r.body.session.instructions).sort() };
  });
  // What the protect message says: without protect, the next up re-mints.
  const unprotected = once(async () => {
    await applied();
    const up = await stack.ws.up({ ...env(), KEPT_PROTECT: "false" });
    return { up, due: await dueJson(), after: await snapshot() };
  });

  it("due: names the next rotation point without an API request, and exits 3 exactly when the engine plans a re-mint", async () => {
    const first = (await minted()).secrets;
    // At T: the earliest rotation point is T+880 (early: T+1000 - 120), 880 s away; kept is protected.
    const atMint = await dueAtMint();
    expect(atMint.code, atMint.stderr).toBe(0);
    expect(atMint.json).toMatchObject({ stack: STACK, now: T, due: false, next: { rotateAt: T + 880, secondsLeft: 880, due: false } });
    expect(atMint.json.resources.map((r) => r.resource).sort()).toEqual([
      "ClientSecret boxed",
      "ClientSecret early",
      "ClientSecret edited",
      "ClientSecret kept",
      "ClientSecret plain",
    ]);
    expect(atMint.json.resources.find((r) => r.resource === "ClientSecret early")).toEqual({
      resource: "ClientSecret early",
      urn: expect.stringMatching(/::early$/),
      kind: "ClientSecret",
      expiresAt: first.early.expiresAt,
      rotateBeforeSeconds: 120,
      rotateAt: first.early.expiresAt - 120,
      secondsLeft: 880,
      due: false,
      protected: false,
    });
    expect(atMint.json.resources.find((r) => r.resource === "ClientSecret kept")?.protected).toBe(true);
    // Protect inherited from a parent component counts as well (the resource records onExpiry "keep").
    expect(atMint.json.resources.find((r) => r.resource === "ClientSecret boxed")?.protected).toBe(true);

    // T+879: the preview plans nothing, and due agrees, one second away; with the --help examples as printed.
    const { due: atQuiet, requests } = await quiet();
    expect(requests).toBe(0);
    expect(atQuiet.json.code).toBe(0);
    expect(atQuiet.json.json.next).toMatchObject({ secondsLeft: 1, due: false });
    const { text } = atQuiet;
    expect(text).toEqual({ code: 0, stderr: "", stdout: expect.stringContaining(`Nothing due. Next rotation: ClientSecret `) });
    expect(text.stdout).toContain(`at ${iso(T + 880)}, in 1 s.`);
    expect(text.stdout.split("\n")[0]).toMatch(/^RESOURCE\s+ROTATES AT\s+LEFT$/);

    // T+880: due, exit 3, listing the three the engine re-mints; the protected one only warned about.
    const { due: atStale } = await stale();
    expect(atStale.json.code).toBe(3);
    expect(atStale.json.json.due).toBe(true);
    expect(atStale.json.json.resources.filter((r) => r.due).map((r) => r.resource).sort()).toEqual([
      "ClientSecret boxed",
      "ClientSecret early",
      "ClientSecret edited",
      "ClientSecret kept",
      "ClientSecret plain",
    ]);
    expect(atStale.text.code).toBe(3);
    expect(atStale.text.stdout).toContain("3 token(s) due: run 'pulumi up' to re-mint ClientSecret early, ClientSecret edited, ClientSecret plain.");
    expect(atStale.text.stderr).toContain("ClientSecret kept is past its rotation point but protected");
    expect(atStale.text.stderr).toContain("ClientSecret boxed is past its rotation point but protected");
    for (const run of [atStale.text, atStale.json]) {
      for (const secret of Object.values(first)) expect(run.stdout + run.stderr).not.toContain(secret.value);
    }

    // After the up that re-minted them: only the protected one is past its point, which makes nothing due.
    const { due: afterUp } = await applied();
    expect(afterUp.code, afterUp.stderr).toBe(0);
    expect(afterUp.json.next).toMatchObject({ rotateAt: T + 880 + 880, secondsLeft: 880 });
    expect(afterUp.stderr).toContain("ClientSecret kept is past its rotation point but protected");
    const { due: afterUnprotect } = await unprotected();
    expect(afterUnprotect.code).toBe(0);
    expect(afterUnprotect.stderr).toBe("");
  });

  it("due: refuses a missing or short --stack (2) and an unknown stack (1)", async () => {
    await minted();
    expect((await due(["due"])).code).toBe(2);
    const short = await due(["due", "--stack", "test"]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("--stack must be a fully qualified stack name ORG/PROJECT/STACK (got 'test')");
    const unknown = await due(["due", "--stack", "organization/realtime-resources/nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^pulumi-openai-realtime due: --stack organization\/realtime-resources\/nope: 'pulumi stack export' failed: /);
  });

  it("re-mints a secret once it has expired, saying when, and the dependent gets the new value", async () => {
    const first = (await minted()).secrets.plain;
    expect(first.expiresAt).toBe(T + 880);
    expect((await minted()).apps.plain).toBe(fingerprint(first.value));
    // A second before expiry, nothing is planned.
    const { preview: before } = await quiet();
    expect(before.code, before.output).toBe(0);

    const { preview, requests: previewRequests } = await fresh();
    expect(preview.code, preview.output).toBe(0);
    expect(stepOf(preview.output, "plain")).toBe(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toContain(`ClientSecret ${first.sessionId} is replaced: expired at ${iso(first.expiresAt)}`);
    expect(previewRequests).toBe(0);

    const { up, after } = await applied();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("ClientSecret plain replaced");
    expect(up.output).toContain("pulumi-nodejs:dynamic:Resource plainApp replaced");
    const second = after.secrets.plain;
    expect(second.value).not.toBe(first.value);
    expect(second.expiresAt).toBe(T + 880 + 880);
    expect(after.apps.plain).toBe(fingerprint(second.value));
  });

  it("re-mints early once inside rotateBeforeSeconds, and not a second before", async () => {
    const due = (await minted()).secrets.early;
    expect(due.expiresAt).toBe(T + 1000);
    // T+879 is 121 s before expiry: nothing planned.
    const { preview: before } = await quiet();
    expect(before.code, before.output).toBe(0);

    // T+880 is 120 s before expiry: due.
    const { preview } = await fresh();
    expect(stepOf(preview.output, "early")).toBe(`+-${CLIENT_SECRET}: (replace)`);
    expect(preview.output).toContain(
      `ClientSecret ${due.sessionId} is replaced: within rotateBeforeSeconds (120) of expiry at ${iso(due.expiresAt)}`,
    );

    const { up, after } = await applied();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("ClientSecret early replaced");
    expect(after.secrets.early.value).not.toBe(due.value);
    expect(after.apps.early).toBe(fingerprint(after.secrets.early.value));
  });

  it("keeps an expired protected secret, own or a parent's protect, and says how to rotate it, instead of failing every preview", async () => {
    const { kept, boxed } = (await minted()).secrets;

    const { preview, requests } = await fresh();
    expect(preview.code, preview.output).toBe(0);
    for (const [name, secret] of [["kept", kept], ["boxed", boxed]] as const) {
      expect(stepOf(preview.output, name), name).toBe("");
      expect(preview.output).toContain(
        `ClientSecret ${secret.sessionId} expired at ${iso(secret.expiresAt)}; it is kept (onExpiry "keep", the default under \`protect\`): ` +
          'remove `protect` (from it and its parents) or set onExpiry: "replace", and run `pulumi up` to re-mint it',
      );
    }
    expect(requests).toBe(0);
    const { up, after } = await applied();
    expect(up.output).not.toContain("ClientSecret kept replaced");
    expect(up.output).not.toContain("ClientSecret boxed replaced");
    expect(after.secrets.kept.value).toBe(kept.value);
    expect(after.secrets.boxed.value).toBe(boxed.value);

    // What the message says works: without protect, the next up re-mints.
    const rotate = await unprotected();
    expect(rotate.up.code, rotate.up.output).toBe(0);
    expect(rotate.up.output).toContain("ClientSecret kept replaced");
    expect(rotate.up.output).toContain("ClientSecret boxed replaced");
    expect(rotate.after.secrets.kept.value).not.toBe(kept.value);
    expect(rotate.after.secrets.boxed.value).not.toBe(boxed.value);
  });

  it("refuses a saved plan that expiry has overtaken, and applies a fresh one", async () => {
    const current = await minted();
    const { preview: saved } = await quiet();
    expect(saved.code, saved.output).toBe(0);

    const { up: refused, after } = await stale();
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("create-replacement is not allowed by the plan: this resource is constrained to same");
    expect(after).toEqual(current);

    const { preview: replanned } = await fresh();
    expect(replanned.code, replanned.output).toBe(0);
    const { up: reapplied, after: rotated } = await applied();
    expect(reapplied.code, reapplied.output).toBe(0);
    for (const name of ["plain", "early", "edited"] as const) {
      expect(rotated.secrets[name].value, name).not.toBe(current.secrets[name].value);
    }
  });

  it("with ignoreChanges on session and retainOnDelete: edits plan nothing, expiry re-mints with the program's current arguments", async () => {
    const current = (await minted()).secrets.edited;
    // The preview at T+879 runs with the instructions edited.
    const { preview: edited, requests } = await quiet();
    expect(edited.code, edited.output).toBe(0);
    expect(requests).toBe(0);

    // retainOnDelete: the replaced secret is left to expire, not deleted.
    const { preview } = await fresh();
    expect(stepOf(preview.output, "edited")).toBe(`+-${CLIENT_SECRET}: (replace[retain])`);
    const { up, after, instructions } = await applied();
    expect(up.code, up.output).toBe(0);
    expect(up.output).toContain("ClientSecret edited replaced");
    expect(after.secrets.edited.value).not.toBe(current.value);
    // ignoreChanges only keeps an edit from causing a diff; the engine creates a replacement from the program's inputs.
    expect(instructions).toEqual(["Goodbye.", "early", "plain"]);
  });
});
