// The lifecycle every resource kind shares (check, diff, create, read,
// update, delete). Loaded by the serialized provider inside the engine's
// dynamic provider process; never by the Pulumi program itself.
import { z } from "zod";
import { formatIssues } from "../schemas";
import { EXPIRING_KINDS, type ResourceKind } from "../tokens";
import { newRevisionKey, revisionOf } from "./canonical";
import { nowSeconds } from "./clock";
import { configureCredentials, currentSettings, realtimeClient } from "./credentials";
import { describeFailure } from "./errors";
import { baseUrlProblem, changedIdentity, currentIdentity, hasIdentity, type Identity, IDENTITY_KEYS, identityOf, recordedIdentity } from "./identity";
import { KINDS } from "./kinds";
import { expiryReason, identityReason, report } from "./reasons";
import { migrateOutputs, needsMigration, refuseNewerState, STATE_VERSION } from "./state-version";
import { containsUnknown, isUnknownAt, UNKNOWN } from "./unknowns";

/** The property under which the engine keeps the serialized provider. */
export const PROVIDER_KEY = "__provider";

type Props = Record<string, unknown>;

export interface CheckFailure {
  property: string;
  reason: string;
}

function withoutProvider(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, ...rest } = props;
  return rest;
}

// Set by the resource layer of the release before `onExpiry`; no longer read.
const LEGACY_PROTECT_KEY = "__protected";

function withoutInternal(props: Props): Props {
  const { [PROVIDER_KEY]: _provider, [LEGACY_PROTECT_KEY]: _protect, ...rest } = props;
  return rest;
}

/** The resource's arguments alone: no internal properties, nor the identity inputs of earlier builds. */
function argsIn(props: Props): Props {
  const args = withoutInternal(props);
  for (const key of IDENTITY_KEYS) delete args[key];
  return args;
}

/** Stack config from the engine's Configure: where the API key may come from. */
export function configure(config: { get(key: string): string | undefined } | undefined): void {
  configureCredentials(config);
}

/**
 * Validates every argument with the kind's schema. Failures name the property
 * path and the allowed values; values the engine does not know yet (preview)
 * are not judged. Where a resource is minted (its {@link Identity}) is not an
 * input: create records it in the outputs and diff compares it there, so the
 * engine stores it once, not twice.
 */
export function check(kind: ResourceKind, news: Props): { inputs: Props; failures: CheckFailure[] } {
  const spec = KINDS[kind];
  const args: Props = { ...spec.defaults };
  for (const [key, value] of Object.entries(withoutInternal(news))) if (value !== undefined) args[key] = value;
  const result = spec.args.safeParse(args, { reportInput: true });
  const failures = result.success
    ? []
    : result.error.issues
        .filter((issue) => !isUnknownAt(args, issue.path, issue.code !== "unrecognized_keys"))
        .flatMap((issue) => formatIssues(new z.ZodError([issue])))
        .map((issue) => ({ property: issue.path, reason: issue.message }));
  const badUrl = baseUrlProblem(currentSettings().baseUrl);
  if (badUrl !== undefined) failures.push({ property: "baseUrl", reason: badUrl });
  return { inputs: { ...args, [PROVIDER_KEY]: news[PROVIDER_KEY] }, failures };
}

/** True once `now` has reached the rotation point of a minted token. */
export function isDue(olds: Props, nowSeconds: number, rotateBefore = olds.rotateBeforeSeconds): boolean {
  const expiresAt = olds.expiresAt;
  if (typeof expiresAt !== "number") return true;
  return nowSeconds >= expiresAt - (typeof rotateBefore === "number" ? rotateBefore : 0);
}

/** What diff decided, and the sentences that explain a replace to the user. */
export interface DiffDecision {
  /** Omitted when inputs changed: the engine then shows exactly the input edits (not server defaults). */
  changes?: boolean;
  replaces?: string[];
  deleteBeforeReplace?: boolean;
  reasons: string[];
}

// Arguments that only steer future behaviour: a change is an in-place update
// without an API call.
const STEERING_KEYS = new Set(["rotateBeforeSeconds"]);

/**
 * Decides without any API call. Changed arguments or a changed identity
 * (`current`: where requests would go now, computed locally) replace; a
 * token at its rotation point is replaced so `pulumi up` re-mints it
 * (unless the resource is protected: then it is kept and reported);
 * `rotateBeforeSeconds`, the first recorded identity or outputs of an older
 * release's shape are an update that keeps every output; a new serialized
 * provider alone is no change. Each replace is explained in the engine's
 * diagnostics.
 */
export function diff(
  kind: ResourceKind,
  rawOlds: Props,
  news: Props,
  now: number = nowSeconds(),
  say: typeof report = report,
  current: Identity = currentIdentity(currentSettings(), rawOlds),
  id?: string,
): DiffDecision {
  const spec = KINDS[kind];
  refuseNewerState(kind, id, rawOlds);
  // Outputs of an earlier release are read in the current shape.
  const olds = migrateOutputs(kind, rawOlds);
  const label = `${kind} ${typeof olds.sessionId === "string" ? olds.sessionId : (id ?? "")}`.trimEnd();
  const replaces: string[] = [];
  // Arguments known to differ; an unknown one (preview) may turn out equal,
  // and the engine then plans no replace: only known changes are explained.
  const changed: string[] = [];
  for (const key of spec.inputKeys) {
    if (STEERING_KEYS.has(key)) continue;
    const unknown = key === "session" ? containsUnknown(news.session) : news[key] === UNKNOWN;
    const differs =
      key === "session" ? revisionOf(news.session ?? {}, revisionKeyOf(olds)) !== olds.revision : news[key] !== olds[key];
    if (unknown || differs) replaces.push(key);
    if (!unknown && differs) changed.push(key);
  }
  const identity = changedIdentity(olds, current);
  if (replaces.length > 0 || identity.length > 0) {
    const reasons = changed.length > 0 ? [`${label} is replaced: ${changed.join(", ")} changed`] : [];
    if (identity.length > 0) reasons.push(`${label} is replaced: ${identityReason(identity, olds, current)}`);
    for (const reason of reasons) say(reason);
    // No `changes` when arguments changed: the engine then computes the diff
    // of old and new inputs itself and shows only those, while `replaces`
    // still makes it a replace. The identity is no input, so a change of it
    // alone must say so, or the engine would see equal inputs and keep it.
    const decision: DiffDecision = { replaces: [...replaces, ...identity], deleteBeforeReplace: false, reasons };
    return replaces.length > 0 ? decision : { changes: true, ...decision };
  }
  const rotateBefore = typeof news.rotateBeforeSeconds === "number" ? news.rotateBeforeSeconds : olds.rotateBeforeSeconds;
  if (EXPIRING_KINDS.has(kind) && isDue(olds, now, rotateBefore)) {
    const expiresAt = typeof olds.expiresAt === "number" ? olds.expiresAt : 0;
    const why = expiryReason(expiresAt, typeof rotateBefore === "number" ? rotateBefore : 0, now);
    if (news.onExpiry === "keep") {
      // Set for a protected resource (its own or a parent's `protect`): the
      // engine refuses to replace it, which would fail every preview from now on.
      const reason =
        `${label} ${why}; it is kept (onExpiry "keep", the default under \`protect\`): ` +
        "remove `protect` (from it and its parents) or set onExpiry: \"replace\", and run `pulumi up` to re-mint it";
      say(reason, "warn");
      return { changes: false, reasons: [reason] };
    }
    const reason = `${label} is replaced: ${why}`;
    say(reason);
    return { changes: true, replaces: ["expiresAt"], deleteBeforeReplace: false, reasons: [reason] };
  }
  const steering = [...STEERING_KEYS].some((key) => spec.inputKeys.includes(key) && news[key] !== olds[key]);
  // Tokens record where they were minted on the first update after an
  // upgrade. A template does not: the engine previews an update of a dynamic
  // resource with its inputs standing in for its outputs, so every token
  // minted from the template's `session` would preview as a replace.
  // Without a key (a keyless run) the fingerprint is unknown: recording the
  // identity without it would make the next keyed run replace every token,
  // so adoption waits for a run that knows the key.
  const adopted = EXPIRING_KINDS.has(kind) && !hasIdentity(olds) && current.keyFingerprint !== null;
  // A new serialized provider alone is no change: every release's text hands
  // over to the same stable handlers (`pulumi-openai-realtime/provider`).
  if (steering || adopted || needsMigration(kind, rawOlds, olds)) return { changes: true, reasons: [] };
  return { changes: false, reasons: [] };
}
/** The key `revision` was made with; none in outputs of releases before keyed revisions. */
function revisionKeyOf(outs: Props): string | undefined {
  return typeof outs.revisionKey === "string" ? outs.revisionKey : undefined;
}

/**
 * The kind's one API call; a failure leaves nothing in state. The outputs
 * add the `revision` of the arguments' session, keyed by a fresh random
 * `revisionKey` (a secret output), where the token was minted, and the
 * state version.
 */
export async function create(kind: ResourceKind, inputs: Props): Promise<{ id: string; outs: Props }> {
  const spec = KINDS[kind];
  const args = argsIn(inputs);
  let minted;
  try {
    minted = await spec.create(realtimeClient(), args);
  } catch (err) {
    throw new Error(describeFailure(`creating ${kind}`, err));
  }
  const revisionKey = newRevisionKey();
  const outs = {
    ...minted.outs,
    revision: revisionOf(args.session ?? {}, revisionKey),
    revisionKey,
    ...recordedIdentity(identityOf(currentSettings())),
    stateVersion: STATE_VERSION,
  };
  return { id: minted.id, outs: EXPIRING_KINDS.has(kind) ? { ...outs, expired: false } : outs };
}

/**
 * `pulumi refresh`: the API has no read endpoint, so state is the truth; the
 * only thing that changes with time is whether the token has expired, which
 * refresh reports in the `expired` output.
 */
export function read(kind: ResourceKind, id: string, props: Props, now: number = nowSeconds()): { id: string; props: Props } {
  refuseNewerState(kind, id, props);
  const state = withoutProvider(props);
  if (!EXPIRING_KINDS.has(kind)) return { id, props: state };
  const expired = typeof state.expiresAt !== "number" || now >= state.expiresAt;
  return { id, props: { ...state, expired } };
}

/**
 * No API call: only a steering argument (`rotateBeforeSeconds`), the first
 * recorded identity or outputs of an older release's shape get here, since
 * every other change replaces. Keeps the minted outputs, in the current shape.
 */
export function update(
  kind: ResourceKind,
  olds: Props,
  news: Props = {},
  current: Identity = currentIdentity(currentSettings(), olds),
): { outs: Props } {
  const outs = migrateOutputs(kind, withoutProvider(olds));
  for (const key of STEERING_KEYS) if (KINDS[kind].inputKeys.includes(key) && key in news) outs[key] = news[key];
  if (!hasIdentity(outs) && current.keyFingerprint !== null) Object.assign(outs, recordedIdentity(current));
  return { outs };
}
