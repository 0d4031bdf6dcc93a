import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { EXPIRING_KINDS, type ResourceKind } from "../tokens";
import { PROVIDER_PROTOCOL } from "./protocol";

/**
 * The public subpath that serves the provider's handlers. The serialized
 * provider names it, so it is part of every user's state: it never moves.
 */
export const PROVIDER_MODULE = "pulumi-openai-realtime/provider";
const PACKAGE = PROVIDER_MODULE.split("/")[0];

// The engine stores the serialized provider text in every resource's inputs
// AND outputs, and rewrites the whole checkpoint after every step, so each
// byte here costs N x steps. The text is therefore written by hand (not
// captured by Pulumi's closure serializer, which wraps each method in ~300
// bytes and loads slowly), is the same for every resource of a kind, and
// carries no code that changes between releases: a new release is not a new
// provider, and stacks keep working across upgrades. What it does carry is
// the provider protocol ({@link PROVIDER_PROTOCOL}), so that a provider host
// running another copy of the package than the program refuses a text it
// does not understand.
//
// The provider host resolves modules from the project folder. A program that
// loaded the package from elsewhere (by absolute path: a monorepo, a vendored
// copy) gets a text that tries that copy first.
//
// With no copy found (the package's own MODULE_NOT_FOUND only, or a copy
// too old to have the provider subpath, such as release 0.1.0 installed over
// a newer release's state: its package.json's ERR_PACKAGE_PATH_NOT_EXPORTED;
// any other failure to load is rethrown), the text still deletes (the API has no
// revoke; a provider without `delete` forgets the resource) and refreshes (a
// provider without `read` keeps the state; for tokens, expiry is the only
// thing that changes, recomputed here), so `pulumi destroy` and
// `pulumi refresh` work (refresh also asks for a diff: without one the
// engine compares the old and refreshed state itself). Check, create and
// update fail with the module, the folder it was resolved from and the fix,
// which stops `preview` and `up` before any diff: a provider without them
// would make the engine skip validation and plan edits as updates that
// write empty outputs.
function textFor(kind: ResourceKind, entry: string | undefined): string {
  const read = EXPIRING_KINDS.has(kind) ? ",read:async(i,p)=>({id:i,props:{...p,expired:Date.now()>=p.expiresAt*1e3}})" : "";
  const candidates = [entry, PROVIDER_MODULE].filter((m) => m !== undefined).map((m) => `'${m}'`);
  // Single quotes: the checkpoint is JSON, where each double quote costs a backslash.
  return (
    `exports.handler=()=>{const t=[${candidates.join(",")}];` +
    `for(const m of t)try{return require(m).provider('${kind}',${PROVIDER_PROTOCOL})}` +
    `catch(e){const w=e.code=='MODULE_NOT_FOUND'?"'"+m+"'":e.code=='ERR_PACKAGE_PATH_NOT_EXPORTED'&&'${PACKAGE}/package.json';` +
    "if(!w||!e.message.includes(w))throw e}" +
    "const f=async()=>{throw Error(`cannot load ${t.join(' or ')} from ${process.cwd()}: " +
    "npm install pulumi-openai-realtime there (without it only refresh and destroy work)`)};" +
    `return{check:f,create:f,update:f${read}}}`
  );
}

/**
 * Where this copy's provider entry is, when the project folder (where the
 * provider host resolves modules) would not find this same copy under
 * {@link PROVIDER_MODULE}; undefined when it would, or when this copy is not
 * on disk as files (a bundle).
 */
function entryLocation(): string | undefined {
  const own = path.join(__dirname, "entry.js");
  if (!fs.existsSync(own)) return undefined;
  try {
    // As a module in the project folder resolves it (not `require.resolve`
    // here, which would find this package itself by its own name).
    const found = createRequire(path.join(process.cwd(), "index.js")).resolve(PROVIDER_MODULE);
    if (fs.realpathSync(found) === fs.realpathSync(own)) return undefined;
  } catch {
    // Not resolvable from the project folder: name this copy.
  }
  return own.split(path.sep).join("/");
}

const texts = new Map<ResourceKind, string>();
let entry: { location: string | undefined } | undefined;

/**
 * The serialized dynamic provider of one resource kind: a small module text
 * that hands over to {@link PROVIDER_MODULE} (or to this copy's entry, when
 * the project folder would not find it), the same for every resource of a
 * kind.
 *
 * @example
 * ```ts
 * const text = providerText("ClientSecret");
 * // exports.handler=()=>{const t=['pulumi-openai-realtime/provider'];for(const m of t)try{return require(m).provider('ClientSecret',2)}...
 * ```
 */
export function providerText(kind: ResourceKind): string {
  let text = texts.get(kind);
  if (text === undefined) {
    entry ??= { location: entryLocation() };
    text = textFor(kind, entry.location);
    texts.set(kind, text);
  }
  return text;
}
