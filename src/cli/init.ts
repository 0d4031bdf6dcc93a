import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError, type CliIo, type Command } from "./command";
import { parseFlags, type FlagSpec } from "./flags";

const FLAGS: FlagSpec = { yaml: "boolean", typescript: "boolean", name: "string", force: "boolean", help: "boolean" };

const USAGE = `Usage: pulumi-openai-realtime init [dir] [--yaml | --typescript] [--name NAME] [--force]

Writes a Pulumi project for OpenAI Realtime configs into dir (default: the
current folder): Pulumi.yaml, package.json, .gitignore and a README with the
next commands, plus

  --yaml          realtime.yaml, deployed by the package's own program:
                  no TypeScript of your own (the default)
  --typescript    index.ts using the package's resource classes, with a
                  tsconfig.json that Pulumi's TypeScript accepts
  --name NAME     Pulumi project name (default: the folder's name)
  --force         overwrite files that already exist
  --help          show this help

Then: cd dir && npm install && pulumi up (see the README it writes).
`;

/** What a template file becomes in the project. */
interface TemplateFile {
  from: string;
  to: string;
}

const FILES: Record<"yaml" | "typescript", readonly TemplateFile[]> = {
  yaml: [
    { from: "yaml/Pulumi.yaml", to: "Pulumi.yaml" },
    { from: "yaml/package.json", to: "package.json" },
    { from: "common/realtime.yaml", to: "realtime.yaml" },
    { from: "common/gitignore", to: ".gitignore" },
    { from: "common/README.md", to: "README.md" },
  ],
  typescript: [
    { from: "typescript/Pulumi.yaml", to: "Pulumi.yaml" },
    { from: "typescript/package.json", to: "package.json" },
    { from: "typescript/tsconfig.json", to: "tsconfig.json" },
    { from: "typescript/index.ts", to: "index.ts" },
    { from: "common/gitignore", to: ".gitignore" },
    { from: "common/README.md", to: "README.md" },
  ],
};

// Both from src/cli and dist/cli, the package root is two levels up.
const PACKAGE_ROOT = path.join(__dirname, "..", "..");

interface PackageJson {
  version: string;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Pulumi project names: letters, digits, '-', '_' and '.'. */
function projectName(raw: string): string {
  const name = raw.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return name === "" ? "openai-realtime" : name;
}

/**
 * Writes a complete Pulumi project (YAML or TypeScript flavour) into `dir`
 * and returns the files written, relative to it.
 *
 * @example
 * scaffold("my-voice-app", { kind: "yaml" }); // ["Pulumi.yaml", "package.json", "realtime.yaml", ".gitignore", "README.md"]
 */
export function scaffold(dir: string, options: { kind: "yaml" | "typescript"; name?: string; force?: boolean }): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as PackageJson;
  const name = projectName(options.name ?? path.basename(path.resolve(dir)));
  const values: Record<string, string> = {
    name,
    packageRange: `^${pkg.version}`,
    pulumiRange: pkg.peerDependencies["@pulumi/pulumi"] ?? "^3",
    typescriptRange: pkg.devDependencies["typescript"] ?? "^5",
    typesNodeRange: pkg.devDependencies["@types/node"] ?? "^22",
    kindLine:
      options.kind === "yaml"
        ? "Edit `realtime.yaml`; the program is the package's own, so there is no TypeScript to keep."
        : "Edit `index.ts`; `typescript` is a dev dependency so Pulumi compiles it with that version.",
  };
  const files = FILES[options.kind];
  const existing = files.map((f) => f.to).filter((to) => fs.existsSync(path.join(dir, to)));
  if (existing.length > 0 && !options.force) {
    throw new Error(`${dir} already has ${existing.join(", ")}; pass --force to overwrite.`);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, "templates", file.from), "utf8");
    fs.writeFileSync(path.join(dir, file.to), text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match));
  }
  return files.map((f) => f.to);
}

/** `pulumi-openai-realtime init`: start a project. */
export const initCommand: Command = {
  usage: USAGE,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const positionals: string[] = [];
    const flagArgs: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] ?? "";
      if (arg === "--name") flagArgs.push(arg, argv[++i] ?? "");
      else if (arg.startsWith("-")) flagArgs.push(arg);
      else positionals.push(arg);
    }
    const flags = parseFlags(flagArgs, FLAGS);
    if (flags["help"]) {
      io.stdout(USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`Expected at most one folder, got: ${positionals.join(", ")}.`);
    if (flags["yaml"] && flags["typescript"]) throw new UsageError("Choose one of --yaml and --typescript.");
    const kind = flags["typescript"] ? "typescript" : "yaml";
    const dir = positionals[0] ?? ".";
    const written = scaffold(dir, {
      kind,
      ...(typeof flags["name"] === "string" ? { name: flags["name"] } : {}),
      force: flags["force"] === true,
    });
    const cd = path.resolve(dir) === process.cwd() ? "" : `cd ${dir} && `;
    io.stdout(
      `Wrote a ${kind === "yaml" ? "realtime.yaml" : "TypeScript"} Pulumi project: ${written.join(", ")}\n\n` +
        `Next:\n  ${cd}npm install\n  pulumi stack init dev\n  pulumi up\n\n` +
        "README.md shows how to deploy against OpenAI or the local emulator.\n",
    );
    return 0;
  },
};
