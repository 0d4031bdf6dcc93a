// What a newcomer starts from passes the package's own checks with no finding: each scaffold
// `init` writes (templates/), each example under examples/ and the demo's realtime.yaml.
//
// Two checks that cost seconds, not engine runs:
// - `validate`'s evaluation of every realtime.yaml, as `pulumi-openai-realtime validate` runs it;
// - the policy pack's own policies (policy/to-policy.js) over every resource each program
//   registers, the programs run in-process under Pulumi's mocks, each resource created by the
//   package's provider against an emulator. So a ClientSecret fed from a template is judged with
//   the template's effective session, the API's defaults filled in, as the pack sees it at a
//   `pulumi preview` after the first `pulumi up`.
// (The demo test asserts the same of the pack's real run on the demo's stack, which it pays for anyway.)
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { evaluateConfig } from "../../../src/cli/validate/evaluate";
import { loadRealtimeConfig } from "../../../src/config";
import { CONFIG_API_KEY, CONFIG_BASE_URL } from "../../../src/provider/config-keys";
import { RULES, resolvePolicyConfig } from "../../../src/rules";
import { TYPE_TOKENS, type ResourceKind } from "../../../src/tokens";
import { TestEmulator } from "../../helpers/emulator";

/** The realtime.yaml files a newcomer starts from (a realtime.d/ beside one is read with it). */
const YAML_STARTERS = [
  "realtime.yaml",
  "templates/common/realtime.yaml",
  ...fs
    .readdirSync(path.join(repoRoot, "examples"))
    .map((example) => `examples/${example}/realtime.yaml`)
    .filter((file) => fs.existsSync(path.join(repoRoot, file))),
];

/** The TypeScript programs: the `init --typescript` scaffold and every example's index.ts that declares resources. */
const TS_STARTERS = [
  "templates/typescript/index.ts",
  ...fs
    .readdirSync(path.join(repoRoot, "examples"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("index.ts") && !file.includes("node_modules"))
    .map((file) => `examples/${file}`)
    .filter((file) => /from "pulumi-openai-realtime"/.test(fs.readFileSync(path.join(repoRoot, file), "utf8"))),
];

const API_KEY = "sk-starters-test-key";
const KIND_BY_TYPE = new Map<string, ResourceKind>(Object.entries(TYPE_TOKENS).map(([kind, type]) => [type, kind as ResourceKind]));

type Policy = {
  name: string;
  validateResource?: (args: { type: string; props: Record<string, unknown>; getConfig: () => object }, report: (message: string) => void) => void;
};
type Provider = pulumi.dynamic.ResourceProvider;

/**
 * The pack's resource policies, built by the pack's own code from the
 * compiled rules (dist/). Its stack policies (the token endpoint rules) read
 * stack outputs, which mocks do not have; the `validate` cases above judge
 * the declared endpoints with the same rules.
 */
function packPolicies(): Policy[] {
  const { toPolicy } = require(path.join(repoRoot, "policy", "to-policy.js")) as { toPolicy(rule: unknown): Policy };
  const rules = require(path.join(repoRoot, "dist", "rules")) as { RULES: readonly unknown[] };
  const policies = rules.RULES.map(toPolicy);
  const resourcePolicies = policies.filter((policy) => policy.validateResource !== undefined);
  expect(resourcePolicies.length).toBeGreaterThan(0);
  return resourcePolicies;
}

/** Mocks whose resources of this package are created by its provider; each is judged by the pack. */
class PackedProgram implements pulumi.runtime.Mocks {
  readonly findings: string[] = [];
  readonly kinds: string[] = [];
  constructor(
    private readonly policies: readonly Policy[],
    private readonly providerOf: (kind: ResourceKind) => Promise<Provider>,
  ) {}

  async newResource(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string; state: Record<string, unknown> }> {
    const kind = KIND_BY_TYPE.get(args.type);
    if (kind === undefined) return { id: `${args.name}-id`, state: args.inputs };
    this.kinds.push(`${kind} ${args.name}`);
    // As the engine runs a policy pack: on the resource's inputs, with each policy's default config.
    for (const policy of this.policies) {
      policy.validateResource!({ type: args.type, props: args.inputs, getConfig: () => ({}) }, (message) =>
        this.findings.push(`${kind} ${args.name}: [${policy.name}] ${message}`),
      );
    }
    const provider = await this.providerOf(kind);
    const checked = await provider.check!({}, args.inputs);
    if (checked.failures?.length) throw new Error(`${kind} ${args.name}: ${JSON.stringify(checked.failures)}`);
    const created = await provider.create(checked.inputs);
    return { id: created.id, state: created.outs };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    return args.inputs;
  }
}

describe("what a newcomer starts from", () => {
  it("finds the scaffolds, the examples and the demo's realtime.yaml", () => {
    expect(YAML_STARTERS).toEqual(
      expect.arrayContaining(["realtime.yaml", "templates/common/realtime.yaml", "examples/yaml-only/realtime.yaml", "examples/transcription-desk/realtime.yaml"]),
    );
    expect(TS_STARTERS).toEqual(
      expect.arrayContaining([
        "templates/typescript/index.ts",
        "examples/client-secret/index.ts",
        "examples/client-secret/step2/index.ts",
        "examples/sip-concierge/index.ts",
      ]),
    );
  });

  it.each(YAML_STARTERS)("%s: `validate` reports nothing", (file) => {
    const policy = resolvePolicyConfig({});
    if (!policy.ok) throw new Error(policy.errors.join("\n"));
    const report = evaluateConfig(loadRealtimeConfig(path.join(repoRoot, file), { env: {} }), policy.rules, "2026-12-02");
    expect(report.results.map((r) => `${path.relative(repoRoot, r.file)}:${r.line}: ${r.ruleId} ${r.message}`)).toEqual([]);
  });

  describe("under the policy pack", { timeout: 120_000 }, () => {
    let emulator: TestEmulator;
    const policies = packPolicies();
    const settings: Record<string, string> = {};
    const providerOf = async (kind: ResourceKind): Promise<Provider> => {
      const { provider } = require(path.join(repoRoot, "dist", "provider", "entry")) as { provider(kind: ResourceKind): Provider };
      const p = provider(kind);
      await p.configure!({ config: { get: (key: string) => settings[key] } } as unknown as pulumi.dynamic.ConfigureRequest);
      return p;
    };

    beforeAll(async () => {
      emulator = await TestEmulator.start({ apiKey: API_KEY });
      settings[CONFIG_API_KEY] = API_KEY;
      settings[CONFIG_BASE_URL] = emulator.url;
    });
    afterAll(() => emulator?.close());

    /** Runs `program` under the mocks to its end; the pack's findings on every resource it registered. */
    async function judge(stack: string, program: () => Promise<unknown>): Promise<PackedProgram> {
      const mocks = new PackedProgram(policies, providerOf);
      await pulumi.runtime.setMocks(mocks, "starters", stack, false);
      try {
        await program();
      } finally {
        await pulumi.runtime.disconnect();
      }
      return mocks;
    }

    it("judges what it is given (a session with no output token limit is reported)", async () => {
      const { SessionTemplate } = require(path.join(repoRoot, "dist")) as typeof import("../../../src");
      const judged = await judge("control", async () => {
        new SessionTemplate("unlimited", { session: { type: "realtime", model: "gpt-realtime" } });
      });
      expect(judged.findings).toEqual([
        expect.stringMatching(/^SessionTemplate unlimited: \[openai-realtime-missing-output-token-limit\] OAIRT008: /),
      ]);
      // Every rule about resources is judged here; the token endpoint rules are stack policies.
      expect(policies.length).toBe(RULES.filter((rule) => !rule.kinds.includes("TokenEndpoint")).length);
    });

    it.each(YAML_STARTERS)("%s: deployed as the realtime.yaml program deploys it, no finding", async (file) => {
      const { realtimeStack } = require(path.join(repoRoot, "dist")) as typeof import("../../../src");
      const judged = await judge(file.replace(/\W+/g, "-"), async () => {
        realtimeStack({ configFile: path.join(repoRoot, file) });
      });
      expect(judged.kinds.length).toBeGreaterThan(0);
      expect(judged.findings).toEqual([]);
    });

    it.each(TS_STARTERS)("%s: no finding", async (file) => {
      const judged = await judge(file.replace(/\W+/g, "-"), () => import(path.join(repoRoot, file)));
      expect(judged.kinds.length).toBeGreaterThan(0);
      expect(judged.findings).toEqual([]);
    });
  });
});
