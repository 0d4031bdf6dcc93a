import * as pulumi from "@pulumi/pulumi";
import { providerText } from "../provider/serialized";
import type { ResourceKind } from "../tokens";
import { prepareInputs } from "./inputs";

// Every resource class extends pulumi.CustomResource directly with these
// helpers rather than a chain of base classes: the SDK reads a fixed number
// of stack frames per resource to find the user's source line, and each
// extra constructor level both costs a frame and points it into this package.

/**
 * The properties registered for a resource of `kind`: each declared output
 * (unknown until the engine answers), the user's arguments as
 * {@link prepareInputs} marks them, and the small constant serialized
 * provider of the kind.
 */
export function resourceProps(
  kind: ResourceKind,
  args: object,
  outputs: readonly string[],
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Inputs {
  const props: Record<string, unknown> = {};
  for (const key of outputs) props[key] = undefined;
  return { ...props, ...prepareInputs(kind, args, opts), __provider: providerText(kind) };
}

/**
 * `opts` with the kind's secret outputs stored encrypted and shown as
 * `[secret]`: those given, and every kind's `revisionKey` (the key of its
 * `revision`, which would let anyone holding the state test guesses of the
 * session against `revision`).
 */
export function secretOptions(
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: readonly string[] = [],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs, "revisionKey"] };
}

/** Outputs of the client secret kinds: the `ek_` value and what it was minted for. */
export interface MintedSecretOutputs {
  /** The `ek_...` secret. Secret output. */
  readonly value: pulumi.Output<string>;
  /** Expiry, unix seconds. */
  readonly expiresAt: pulumi.Output<number>;
  /** Id of the session minted with the secret. */
  readonly sessionId: pulumi.Output<string>;
  /** Changes exactly when the input `session` changes; keyed per resource, so it reveals nothing of the session. */
  readonly revision: pulumi.Output<string>;
  /** Whether the secret had expired at the last `pulumi up` or `pulumi refresh`. */
  readonly expired: pulumi.Output<boolean>;
}

export const MINTED_SECRET_OUTPUTS = ["value", "expiresAt", "sessionId", "revision", "expired"] as const;

/** Outputs of the two older session endpoints: a session with its ephemeral key. */
export interface EphemeralSessionOutputs<Session> {
  /** Id of the created session. */
  readonly sessionId: pulumi.Output<string>;
  /** The ephemeral key. Secret output. */
  readonly clientSecret: pulumi.Output<string>;
  /** Expiry of `clientSecret`, unix seconds. */
  readonly expiresAt: pulumi.Output<number>;
  /** The session the API reported, as a request body. */
  readonly session: pulumi.Output<Session>;
  /** Whether the key had expired at the last `pulumi up` or `pulumi refresh`. */
  readonly expired: pulumi.Output<boolean>;
}

export const EPHEMERAL_SESSION_OUTPUTS = ["sessionId", "clientSecret", "expiresAt", "session", "expired"] as const;

/**
 * Makes the SDK's debug-only stack captures free while a resource registers,
 * and returns the function that undoes it (call it in a `finally`).
 *
 * Registering a resource wraps every property (each argument and each
 * declared output) in an `Output` of four promises, and the SDK gives each
 * promise a formatted `new Error().stack` (kept only to describe leaked
 * promises at exit); with the source-map support the SDK installs, each is a
 * source-mapped trace. That formatting cost more than the rest of a
 * `ClientSecret`'s registration. While this is in effect those traces are
 * empty. What users see is untouched: the SDK's own call-site lookup
 * (`Resource.callsites`, which records the resource's source position) is
 * formatted as before, and errors whose `stack` is read later are formatted
 * then, by the hook restored here.
 */
export function withoutDebugStacks(sdk: object = pulumi.Resource): () => void {
  // The SDK's call-site lookup is told apart by its name; should the SDK
  // rename it, its source positions would be lost, so nothing is changed
  // and registration formats stacks as the SDK does by default.
  if (typeof (sdk as { callsites?: unknown }).callsites !== "function") return () => {};
  const format = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    if (frames[0]?.getFunctionName() !== "callsites") return "";
    return format ? format(error, frames) : `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join("")}`;
  };
  return () => {
    Error.prepareStackTrace = format;
  };
}
