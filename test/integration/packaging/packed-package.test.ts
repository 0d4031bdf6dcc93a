// What `npm pack` ships and how a user's project sees it: the files, every
// `exports` subpath at run time and under each TypeScript module resolution,
// and a single copy of @pulumi/pulumi.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../scripts/local-pulumi.js";
import { pack, UserProject } from "./packed";

const SUBPATHS = ["", "/client", "/schemas", "/emulator", "/calls", "/provider", "/config", "/config/stack", "/tokens", "/browser"];

describe("the packed package", { timeout: 300_000 }, () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "por-pack-"));
  let files: string[] = [];
  let user: UserProject;

  beforeAll(async () => {
    const packed = await pack(repoRoot, dest);
    files = packed.files;
    user = new UserProject({});
    await user.install(packed.tarball);
  }, 300_000);

  afterAll(() => {
    user?.remove();
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it("ships what `files` names (the build, the policy pack, the README), and no sources or tests", () => {
    const tops = [...new Set(files.map((f) => f.split("/")[0]))].sort();
    const listed = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] }).files;
    const shipped = listed.map((f) => f.replace(/\/$/, "")).filter((f) => fs.existsSync(path.join(repoRoot, f)));
    expect(shipped).toContain("policy");
    expect(tops).toEqual([...shipped, "package.json"].sort());
    expect(files).toContain("policy/PulumiPolicy.yaml");
    expect(files).toContain("dist/provider/entry.js");
    expect(files).toContain("dist/client/index.d.ts");
    expect(files.filter((f) => f.startsWith("dist/") && f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("resolves every exports subpath from the user's project", async () => {
    const script = SUBPATHS.map((s) => `require.resolve("pulumi-openai-realtime${s}")`).join(",");
    const out = await user.run("node", ["-e", `console.log(JSON.stringify([${script}]))`]);
    const resolved = JSON.parse(out) as string[];
    const pkg = fs.realpathSync(path.join(user.dir, "node_modules", "pulumi-openai-realtime"));
    expect(resolved.map((r) => path.relative(pkg, r))).toEqual([
      "dist/index.js",
      "dist/client/index.js",
      "dist/schemas/index.js",
      "dist/emulator/index.js",
      "dist/calls/index.js",
      "dist/provider/entry.js",
      "dist/config/index.js",
      "dist/config/stack.js",
      "dist/token-endpoint/index.js",
      "dist/browser/index.js",
    ]);
    const loaded = await user.run("node", [
      "-e",
      `const m=require("pulumi-openai-realtime"),c=require("pulumi-openai-realtime/client"),p=require("pulumi-openai-realtime/provider");` +
        `console.log(typeof m.ClientSecret, typeof c.RealtimeClient, typeof p.provider("ClientSecret").configure)`,
    ]);
    expect(loaded.trim()).toBe("function function function");
    // The browser helper is an ES module: the file a page loads as it is.
    const browser = await user.run("node", [
      "--input-type=module",
      "-e",
      `import { TokenSource } from "pulumi-openai-realtime/browser"; console.log(typeof TokenSource)`,
    ]);
    expect(browser.trim()).toBe("function");
  });

  it("leaves the user's project with a single copy of @pulumi/pulumi, shared by the package", async () => {
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const full = path.join(dir, entry.name);
        if (full.endsWith(path.join("@pulumi", "pulumi"))) copies.push(path.relative(user.dir, full));
        walk(full);
      }
    };
    walk(path.join(user.dir, "node_modules"));
    expect(copies).toEqual([path.join("node_modules", "@pulumi", "pulumi")]);
    const fromPackage = await user.run("node", [
      "-e",
      `console.log(require.resolve("@pulumi/pulumi", { paths: [require("path").dirname(require.resolve("pulumi-openai-realtime"))] }))`,
    ]);
    expect(fromPackage.trim()).toBe(fs.realpathSync(path.join(user.dir, "node_modules", "@pulumi", "pulumi", "index.js")));
  });

  it.each([
    ["node10", "commonjs"],
    ["node16", "node16"],
    ["bundler", "esnext"],
  ])("type-checks every subpath under moduleResolution %s", async (moduleResolution, module) => {
    const dir = path.join(user.dir, `types-${moduleResolution}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module, moduleResolution, strict: true, noEmit: true, skipLibCheck: true, types: [], typeRoots: [] },
        files: ["check.ts", "browser.mts"],
      }),
    );
    // The browser helper is an ES module: an ES module imports it (a CommonJS file under node16 could only import() it).
    fs.writeFileSync(
      path.join(dir, "browser.mts"),
      `import { TokenSource, type Token } from "pulumi-openai-realtime/browser";\n` +
        `export const token: Promise<Token> = new TokenSource("/tokens/web", { prefetch: false }).token();\n`,
    );
    fs.writeFileSync(
      path.join(dir, "check.ts"),
      [
        `import { ClientSecret, TYPE_TOKENS } from "pulumi-openai-realtime";`,
        `import { RealtimeClient } from "pulumi-openai-realtime/client";`,
        `import { formatIssues } from "pulumi-openai-realtime/schemas";`,
        `import { startEmulator } from "pulumi-openai-realtime/emulator";`,
        `import { provider } from "pulumi-openai-realtime/provider";`,
        `import * as calls from "pulumi-openai-realtime/calls";`,
        `import * as config from "pulumi-openai-realtime/config";`,
        `import { realtimeStack } from "pulumi-openai-realtime/config/stack";`,
        `import { parseTokenEndpoints } from "pulumi-openai-realtime/tokens";`,
        `const client: RealtimeClient = new RealtimeClient({ apiKey: "sk-types" });`,
        `const token: string = TYPE_TOKENS.ClientSecret;`,
        `export const used = [ClientSecret, client, token, formatIssues, startEmulator, provider, calls, config, realtimeStack, parseTokenEndpoints];`,
        `// @ts-expect-error a subpath that is not exported does not resolve`,
        `import type { Nope } from "pulumi-openai-realtime/nope";`,
        `export type Unused = Nope;`,
        "",
      ].join("\n"),
    );
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    await expect(user.run("node", [tsc, "-p", dir])).resolves.toBe("");
  });
});
