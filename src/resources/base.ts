import * as pulumi from "@pulumi/pulumi";
import { providerFor } from "../provider";
import { RESOURCE_MODULE, type ResourceKind } from "../tokens";
import { prepareInputs } from "./inputs";

// One serialized provider per kind, shared by every resource of that kind.
const providers = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

function provider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  let p = providers.get(kind);
  if (p === undefined) {
    p = providerFor(kind);
    providers.set(kind, p);
  }
  return p;
}

/**
 * Registers a dynamic resource of `kind` under the `openai-realtime` module.
 * `outputs` names the outputs to expose as properties; `secretOutputs` are
 * stored encrypted and shown as `[secret]`.
 */
export abstract class RealtimeResource extends pulumi.dynamic.Resource {
  protected constructor(
    kind: ResourceKind,
    name: string,
    args: object,
    outputs: readonly string[],
    secretOutputs: readonly string[],
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const props: Record<string, unknown> = {};
    for (const key of outputs) props[key] = undefined;
    super(
      provider(kind),
      name,
      { ...props, ...prepareInputs(args, opts) },
      secretOutputs.length > 0 ? pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretOutputs] }) : opts,
      RESOURCE_MODULE,
      kind,
    );
  }
}

/** Outputs of the client secret kinds: the `ek_` value and what it was minted for. */
export abstract class MintedClientSecret<Session> extends RealtimeResource {
  /** The `ek_...` secret. Secret output. */
  declare readonly value: pulumi.Output<string>;
  /** Expiry, unix seconds. */
  declare readonly expiresAt: pulumi.Output<number>;
  /** Id of the session minted with the secret. */
  declare readonly sessionId: pulumi.Output<string>;
  /** The effective session config the API reported, as a request body. */
  declare readonly session: pulumi.Output<Session>;
  /** sha256 of the canonical JSON of the input `session`. */
  declare readonly revision: pulumi.Output<string>;
  /** Whether the secret had expired at the last `pulumi up` or `pulumi refresh`. */
  declare readonly expired: pulumi.Output<boolean>;

  protected constructor(kind: ResourceKind, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined) {
    super(kind, name, args, ["value", "expiresAt", "sessionId", "revision", "expired"], ["value"], opts);
  }
}

/** Outputs of the two older session endpoints: a session with its ephemeral key. */
export abstract class EphemeralSession<Session> extends RealtimeResource {
  /** Id of the created session. */
  declare readonly sessionId: pulumi.Output<string>;
  /** The ephemeral key. Secret output. */
  declare readonly clientSecret: pulumi.Output<string>;
  /** Expiry of `clientSecret`, unix seconds. */
  declare readonly expiresAt: pulumi.Output<number>;
  /** The session the API reported, as a request body. */
  declare readonly session: pulumi.Output<Session>;
  /** Whether the key had expired at the last `pulumi up` or `pulumi refresh`. */
  declare readonly expired: pulumi.Output<boolean>;

  protected constructor(kind: ResourceKind, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined) {
    super(kind, name, args, ["sessionId", "clientSecret", "expiresAt", "expired"], ["clientSecret"], opts);
  }
}
