// `pulumi-openai-realtime/provider`: what the serialized provider in every
// resource's state loads. Its one export, `provider(kind)`, is a contract
// with state written by every release: keep its name and behaviour.
import type * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS, type ResourceKind } from "../tokens";
import { PROVIDER_PROTOCOL } from "./protocol";

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
export function provider(kind: ResourceKind, protocol = 1): pulumi.dynamic.ResourceProvider {
  const refusal = refused(kind, protocol);
  if (refusal !== undefined) {
    const fail = async (): Promise<never> => {
      throw new Error(refusal);
    };
    // Forgetting is safe whoever wrote the state (the API has no revoke).
    return { check: fail, diff: fail, create: fail, read: fail, update: fail, delete: async () => {} };
  }
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
    diff: async (id, olds, news) => load().diff(kind, olds, news, undefined, undefined, undefined, id),
    create: async (inputs) => load().create(kind, inputs),
    read: async (id, props) => load().read(kind, id, props),
    update: async (_id, olds, news) => load().update(kind, olds, news),
    delete: async () => {},
  };
}

/** Why this copy of the package cannot serve a text of `protocol` for `kind`, if it cannot. */
function refused(kind: string, protocol: number): string | undefined {
  if (protocol <= PROVIDER_PROTOCOL && Object.hasOwn(TYPE_TOKENS, kind)) return undefined;
  return (
    `the ${kind} resource was written by a newer release of pulumi-openai-realtime (provider protocol ${protocol}) ` +
    `than the copy the provider host loaded (${__dirname}, protocol ${PROVIDER_PROTOCOL}): ` +
    "upgrade it (npm install pulumi-openai-realtime@latest) in the project folder; nothing was changed"
  );
}
