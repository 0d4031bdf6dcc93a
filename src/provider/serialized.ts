import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../tokens";

// The engine stores this provider, serialized, in every resource's state.
// It only names the kind and loads the handlers by package name when the
// engine calls it, so the state stays small (no captured code or modules)
// and a new release of the handlers does not count as a changed provider.
const HANDLERS = "pulumi-openai-realtime/dist/provider/handlers.js";

type Handlers = typeof import("./handlers");

/**
 * The dynamic provider of one resource kind. One instance per kind, shared by
 * every resource of that kind.
 */
export function providerFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const load = (): Handlers => require(HANDLERS) as Handlers;
  return {
    configure: async (req) => load().configure(req.config),
    check: async (olds, news) => load().check(kind, news, olds),
    diff: async (_id, olds, news) => load().diff(kind, olds, news),
    create: async (inputs) => load().create(kind, inputs),
    read: async (id, props) => load().read(kind, id, props),
    update: async (_id, olds, news) => load().update(kind, olds, news),
    // The API has no revoke: a minted token lives until it expires.
    delete: async () => {},
  };
}
