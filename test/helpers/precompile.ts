// Turns a copied TypeScript Pulumi project into plain JavaScript before the
// engine sees it, so no `pulumi` run loads ts-node and the TypeScript
// compiler again. For test programs, where TypeScript is not what is tested;
// `npm run typecheck` still type-checks their sources.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { filesUnder, isTypeScriptSource } from "./files";

type TypeScript = typeof import("typescript");
let compiler: TypeScript | undefined;

/** TypeScript source to CommonJS, one file at a time, as ts-node's transpile-only mode does. */
export function transpile(source: string, fileName: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiler ??= require("typescript") as TypeScript;
  const ts = compiler;
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
    },
  }).outputText;
}

/** Writes `file`'s JavaScript beside it (`index.ts` -> `index.js`). */
export function writeTranspiled(file: string, source = fs.readFileSync(file, "utf8")): void {
  fs.writeFileSync(file.replace(/\.ts$/, ".js"), transpile(source, path.basename(file)));
}

/**
 * Compiles every `.ts` file of the project in `dir` to `.js` beside it and
 * points `Pulumi.yaml` (runtime option `typescript: false`, `main`) and
 * `package.json` at the JavaScript. Returns false, changing nothing, for a
 * project without `index.ts` or with a `tsconfig.json` of its own.
 *
 * @example
 * if (precompileProject(copy)) console.log("runs as plain JavaScript");
 */
export function precompileProject(dir: string): boolean {
  if (!fs.existsSync(path.join(dir, "index.ts")) || fs.existsSync(path.join(dir, "tsconfig.json"))) return false;
  for (const file of filesUnder(dir, new Set(["node_modules"])).filter(isTypeScriptSource)) writeTranspiled(file);

  const projectFile = path.join(dir, "Pulumi.yaml");
  const project = parseDocument(fs.readFileSync(projectFile, "utf8"));
  const runtime = project.get("runtime");
  const name = typeof runtime === "string" ? runtime : String(project.getIn(["runtime", "name"]) ?? "nodejs");
  if (typeof runtime === "string") project.set("runtime", { name, options: { typescript: false } });
  else project.setIn(["runtime", "options", "typescript"], false);
  const main = project.get("main");
  if (typeof main === "string") project.set("main", main.replace(/\.ts$/, ".js"));
  fs.writeFileSync(projectFile, project.toString());

  const packageFile = path.join(dir, "package.json");
  if (fs.existsSync(packageFile)) {
    const pkg = JSON.parse(fs.readFileSync(packageFile, "utf8")) as { main?: string };
    if (typeof pkg.main === "string") pkg.main = pkg.main.replace(/\.ts$/, ".js");
    fs.writeFileSync(packageFile, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return true;
}
