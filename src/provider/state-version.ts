import { MINTED_SECRET_KINDS, type ResourceKind } from "../tokens";
import { canonicalJson } from "./canonical";

/**
 * Version of the outputs' shape, stored in every resource's outputs as
 * `stateVersion`. When a release changes what outputs hold or how an input
 * is put in canonical form, it raises this number and teaches
 * {@link migrateOutputs} the step, so existing stacks get an in-place update
 * (ids and tokens kept, no API call) instead of a replace. State of a higher
 * version (written by a newer release) is refused, never read as this one.
 *
 * @example
 * ```ts
 * const outs = migrateOutputs("ClientSecret", oldOutputs); // outs.stateVersion === STATE_VERSION
 * ```
 */
export const STATE_VERSION = 1;

const versionOf = (outs: Record<string, unknown>): number => (typeof outs.stateVersion === "number" ? outs.stateVersion : 0);

/**
 * Throws when `outs` were written by a newer release than this one, whose
 * shape this release cannot know: reading them as its own would drop or
 * misread what it does not know, and writing them back would downgrade them.
 */
export function refuseNewerState(kind: ResourceKind, id: string | undefined, outs: Record<string, unknown>): void {
  const version = versionOf(outs);
  if (version <= STATE_VERSION) return;
  throw new Error(
    `${kind}${id ? ` ${id}` : ""} was written by a newer release of pulumi-openai-realtime ` +
      `(state version ${version}; this release reads up to ${STATE_VERSION}): upgrade the package ` +
      "(npm install pulumi-openai-realtime@latest) in the project folder; nothing was changed",
  );
}

/**
 * Whether outputs written by an earlier release differ from the current
 * shape (`migrated`, {@link migrateOutputs} of them) in more than their
 * version number: a key dropped, added or renamed, a value rewritten, whatever
 * the number of keys. Only then is an in-place update worth its cost: the
 * engine previews an update of a dynamic resource with its inputs standing
 * in for its outputs, so dependents would show changes.
 */
export function needsMigration(
  kind: ResourceKind,
  outs: Record<string, unknown>,
  migrated: Record<string, unknown> = migrateOutputs(kind, outs),
): boolean {
  const { stateVersion: _old, ...before } = outs;
  const { stateVersion: _new, ...after } = migrated;
  return canonicalJson(before) !== canonicalJson(after);
}

/** Brings outputs written by any earlier release to the current shape. @throws for a newer release's. */
export function migrateOutputs(kind: ResourceKind, outs: Record<string, unknown>): Record<string, unknown> {
  refuseNewerState(kind, undefined, outs);
  const migrated = { ...outs };
  const from = versionOf(outs);
  if (from < 1 && MINTED_SECRET_KINDS.has(kind)) {
    // Version 0 (release 0.1.0) kept the effective session in every token's
    // outputs; the template holds it now.
    delete migrated.session;
  }
  migrated.stateVersion = STATE_VERSION;
  return migrated;
}
