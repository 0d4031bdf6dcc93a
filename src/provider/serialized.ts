import type { ResourceKind } from "../tokens";

/**
 * The public subpath that serves the provider's handlers. The serialized
 * provider names it, so it is part of every user's state: it never moves.
 */
export const PROVIDER_MODULE = "pulumi-openai-realtime/provider";

// Kinds whose outputs carry `expiresAt` (all but the template): the
// provider's `KindSpec.expires`, spelled out so that the program, which
// builds this text, never loads the provider's kinds and their schemas.
const EXPIRING: ReadonlySet<ResourceKind> = new Set(["ClientSecret", "TranslationClientSecret", "RealtimeSession", "TranscriptionSession"]);

// The engine stores the serialized provider text in every resource's inputs
// AND outputs, and rewrites the whole checkpoint after every step, so each
// byte here costs N x steps. The text is therefore written by hand (not
// captured by Pulumi's closure serializer, which wraps each method in ~300
// bytes and loads slowly), is the same for every resource of a kind, and
// carries no code that changes between releases: a new release is not a new
// provider, and stacks keep working across upgrades.
//
// With the package uninstalled, the text still deletes (the API has no
// revoke; a provider without `delete` forgets the resource) and refreshes (a
// provider without `read` keeps the state; for tokens, expiry is the only
// thing that changes, recomputed here), so `pulumi destroy` and
// `pulumi refresh` work; anything else needs the program, which needs the
// package.
function textFor(kind: ResourceKind): string {
  const offline = EXPIRING.has(kind) ? "{read:async(i,p)=>({id:i,props:{...p,expired:Date.now()>=p.expiresAt*1e3}})}" : "{}";
  // Single quotes: the checkpoint is JSON, where each double quote costs a backslash.
  return (
    `exports.handler=()=>{try{return require('${PROVIDER_MODULE}').provider('${kind}')}` +
    `catch(e){if(e.code!='MODULE_NOT_FOUND')throw e}return${offline}}`
  );
}

const texts = new Map<ResourceKind, string>();

/**
 * The serialized dynamic provider of one resource kind: a small constant
 * module text that hands over to {@link PROVIDER_MODULE}.
 *
 * @example
 * ```ts
 * const text = providerText("ClientSecret");
 * // exports.handler=()=>{try{return require('pulumi-openai-realtime/provider').provider('ClientSecret')}...
 * ```
 */
export function providerText(kind: ResourceKind): string {
  let text = texts.get(kind);
  if (text === undefined) {
    text = textFor(kind);
    texts.set(kind, text);
  }
  return text;
}
