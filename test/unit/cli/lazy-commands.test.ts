// The CLI loads a subcommand's modules only when that subcommand runs: `--help`
// and `init` (a newcomer's first commands) start without the emulator, the
// HTTP client or the schemas, and no command pays for another's dependencies.
// Checked on the built CLI (dist/, which `npm test` builds first) in a child
// Node process, whose require cache shows what was loaded.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../../src/cli/commands";

const dist = path.resolve(__dirname, "../../../dist/cli");

/** The modules a run of the built CLI with `argv` loaded: own ones as `cli/x.js`, packages by name. */
function loadedBy(argv: string[]): { code: number; out: string; modules: Set<string> } {
  const script = `
    const { main } = require(${JSON.stringify(path.join(dist, "main.js"))});
    let out = "";
    main(${JSON.stringify(argv)}, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }).then((code) => {
      const modules = Object.keys(require.cache).map((file) => {
        const pkg = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
        return pkg ? pkg[1] : file.split("/dist/")[1];
      });
      process.stdout.write(JSON.stringify({ code, out, modules }));
    });`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  expect(result.stderr).toBe("");
  const parsed = JSON.parse(result.stdout) as { code: number; out: string; modules: string[] };
  return { ...parsed, modules: new Set(parsed.modules) };
}

/** What the CLI loads to show its command list: no command's module. */
const LIST_ONLY = ["cli/command.js", "cli/commands.js", "cli/main.js"];

describe("CLI start-up", () => {
  it("--help lists every command without loading any of them", () => {
    const run = loadedBy(["--help"]);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.out).toContain(`  ${command.name}`);
    expect([...run.modules].sort()).toEqual(LIST_ONLY);
  });

  it("init --help loads init alone (and the flag parser it uses)", () => {
    const run = loadedBy(["init", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("pulumi-openai-realtime init");
    expect([...run.modules].sort()).toEqual(["cli/command.js", "cli/commands.js", "cli/flags.js", "cli/init.js", "cli/main.js"]);
  });

  it("calls --help loads neither the emulator, the token service nor the policy rules", () => {
    const run = loadedBy(["calls", "--help"]);
    expect(run.code).toBe(0);
    expect(run.modules).toContain("cli/calls.js");
    // token-endpoint/definitions.js is realtime.yaml's tokenEndpoints schema, which `--template --config` reads.
    const others = [...run.modules].filter(
      (m) => /^(emulator|rules)\//.test(m) || /^token-endpoint\/(handler|metrics|credentials|index)\.js$/.test(m) || /^cli\/(emulator|tokens|validate|router|due|init)\.js$/.test(m),
    );
    expect(others).toEqual([]);
  });

  it("an unknown command is refused with the list of commands, none loaded", () => {
    const run = loadedBy(["nope"]);
    expect(run.code).toBe(2);
    expect(run.out).toContain(`unknown command 'nope'. Commands: ${commands.map((c) => c.name).join(", ")}.`);
    expect([...run.modules].sort()).toEqual(LIST_ONLY);
  });
});

describe("the command list", () => {
  it.each(commands.map((c) => [c.name, c]))("%s loads the command of that name", async (name, entry) => {
    const command = await entry.load();
    expect(command.usage).toMatch(new RegExp(`^Usage: pulumi-openai-realtime ${name}\\b`));
  });
});
