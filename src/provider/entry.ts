// `pulumi-openai-realtime/provider`: what the serialized provider in every
// resource's state loads. Its one export, `provider(kind)`, is a contract
// with state written by every release: keep its name and behaviour.
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../tokens";

type Handlers = typeof import("./handlers");

/**
 * The dynamic provider of one resource kind, as the engine's provider
 * process calls it. Loading this module and `configure` cost nothing: the
 * handlers (schemas, HTTP client) load on the first call that needs them,
 * and delete needs none (the API has no revoke).
 *
 * @example
 * ```ts
 * const p = require("pulumi-openai-realtime/provider").provider("ClientSecret");
 * await p.configure({ config });
 * ```
 */
export function provider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  let config: { get(key: string): string | undefined } | undefined;
  let handlers: Handlers | undefined;
  const load = (): Handlers => {
    if (handlers === undefined) {
      handlers = require("./handlers") as Handlers;
      handlers.configure(config);
    }
    return handlers;
  };
  return {
    configure: async (req) => {
      config = req.config;
    },
    check: async (_olds, news) => load().check(kind, news),
    diff: async (_id, olds, news) => load().diff(kind, olds, news),
    create: async (inputs) => load().create(kind, inputs),
    read: async (id, props) => load().read(kind, id, props),
    update: async (_id, olds, news) => load().update(kind, olds, news),
    delete: async () => {},
  };
}
