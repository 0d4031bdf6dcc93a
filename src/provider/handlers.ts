// The lifecycle every resource kind shares (check, diff, create, read,
// update, delete). Loaded by the serialized provider inside the engine's
// dynamic provider process; never by the Pulumi program itself.
import { z } from "zod";
import { formatIssues } from "../schemas";
import type { ResourceKind } from "../tokens";
import { revisionOf } from "./canonical";
import { configureCredentials, realtimeClient } from "./credentials";
import { describeFailure } from "./errors";
import { KINDS } from "./kinds";
import { migrateOutputs, needsMigration, STATE_VERSION } from "./state-version";
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

/** Stack config from the engine's Configure: where the API key may come from. */
export function configure(config: { get(key: string): string | undefined } | undefined): void {
  configureCredentials(config);
}

/**
 * Validates every argument with the kind's schema. Failures name the property
 * path and the allowed values; values the engine does not know yet (preview)
 * are not judged.
 */
export function check(kind: ResourceKind, news: Props): { inputs: Props; failures: CheckFailure[] } {
  const spec = KINDS[kind];
  const args: Props = { ...spec.defaults };
  for (const [key, value] of Object.entries(withoutProvider(news))) if (value !== undefined) args[key] = value;
  const result = spec.args.safeParse(args, { reportInput: true });
  const failures = result.success
    ? []
    : result.error.issues
        .filter((issue) => !isUnknownAt(args, issue.path, issue.code !== "unrecognized_keys"))
        .flatMap((issue) => formatIssues(new z.ZodError([issue])))
        .map((issue) => ({ property: issue.path, reason: issue.message }));
  return { inputs: { ...args, [PROVIDER_KEY]: news[PROVIDER_KEY] }, failures };
}

/** True once `now` has reached the rotation point of a minted token. */
export function isDue(olds: Props, nowSeconds: number): boolean {
  const expiresAt = olds.expiresAt;
  if (typeof expiresAt !== "number") return true;
  const rotateBefore = typeof olds.rotateBeforeSeconds === "number" ? olds.rotateBeforeSeconds : 0;
  return nowSeconds >= expiresAt - rotateBefore;
}

/**
 * Decides without any API call: changed arguments replace (listing them);
 * a token at its rotation point is replaced so `pulumi up` re-mints it;
 * outputs written by an older release are migrated by an in-place update.
 */
export function diff(
  kind: ResourceKind,
  olds: Props,
  news: Props,
  nowSeconds = Date.now() / 1000,
): { changes: boolean; replaces?: string[]; deleteBeforeReplace?: boolean } {
  const spec = KINDS[kind];
  const replaces: string[] = [];
  for (const key of spec.inputKeys) {
    const changed =
      key === "session"
        ? containsUnknown(news.session) || revisionOf(news.session ?? {}) !== olds.revision
        : news[key] === UNKNOWN || news[key] !== olds[key];
    if (changed) replaces.push(key);
  }
  if (replaces.length > 0) return { changes: true, replaces, deleteBeforeReplace: false };
  if (spec.expires && isDue(olds, nowSeconds)) return { changes: true, replaces: ["expiresAt"], deleteBeforeReplace: false };
  // A new serialized provider alone is no change: every release's text hands
  // over to the same stable handlers. Outputs of an older shape are migrated
  // in place.
  if (needsMigration(kind, olds)) return { changes: true };
  return { changes: false };
}

/** The kind's one API call; a failure leaves nothing in state. */
export async function create(kind: ResourceKind, inputs: Props): Promise<{ id: string; outs: Props }> {
  const spec = KINDS[kind];
  const args = withoutProvider(inputs);
  let minted;
  try {
    minted = await spec.create(realtimeClient(), args, revisionOf(args.session ?? {}));
  } catch (err) {
    throw new Error(describeFailure(`creating ${kind}`, err));
  }
  const outs = { ...minted.outs, stateVersion: STATE_VERSION };
  return { id: minted.id, outs: spec.expires ? { ...outs, expired: false } : outs };
}

/**
 * `pulumi refresh`: the API has no read endpoint, so state is the truth; the
 * only thing that changes with time is whether the token has expired, which
 * refresh reports in the `expired` output.
 */
export function read(
  kind: ResourceKind,
  id: string,
  props: Props,
  nowSeconds = Date.now() / 1000,
): { id: string; props: Props } {
  const state = withoutProvider(props);
  if (!KINDS[kind].expires) return { id, props: state };
  const expired = typeof state.expiresAt !== "number" || nowSeconds >= state.expiresAt;
  return { id, props: { ...state, expired } };
}

/**
 * Only outputs of an older shape get here (every argument change replaces):
 * keep them, brought to the current shape.
 */
export function update(kind: ResourceKind, olds: Props): { outs: Props } {
  return { outs: migrateOutputs(kind, withoutProvider(olds)) };
}
