import type { ResourceKind } from "../tokens";

/**
 * Version of the outputs' shape, stored in every resource's outputs as
 * `stateVersion`. When a release changes what outputs hold or how an input
 * is put in canonical form, it raises this number and teaches
 * {@link migrateOutputs} the step, so existing stacks get an in-place update
 * (ids and tokens kept, no API call) instead of a replace.
 *
 * @example
 * ```ts
 * const outs = migrateOutputs("ClientSecret", oldOutputs); // outs.stateVersion === STATE_VERSION
 * ```
 */
export const STATE_VERSION = 1;

const MINTED_SECRET_KINDS: ReadonlySet<ResourceKind> = new Set(["ClientSecret", "TranslationClientSecret"]);

/**
 * Whether outputs written by an earlier release differ from the current
 * shape in more than their version number, so that an in-place update is
 * worth its cost: the engine previews an update of a dynamic resource with
 * its inputs standing in for its outputs, so dependents would show changes.
 */
export function needsMigration(kind: ResourceKind, outs: Record<string, unknown>): boolean {
  const { stateVersion: _old, ...before } = outs;
  const { stateVersion: _new, ...after } = migrateOutputs(kind, outs);
  return Object.keys(before).length !== Object.keys(after).length;
}

/** Brings outputs written by any earlier release to the current shape. */
export function migrateOutputs(kind: ResourceKind, outs: Record<string, unknown>): Record<string, unknown> {
  const migrated = { ...outs };
  const from = typeof outs.stateVersion === "number" ? outs.stateVersion : 0;
  if (from < 1 && MINTED_SECRET_KINDS.has(kind)) {
    // Version 0 (release 0.1.0) kept the effective session in every token's
    // outputs; the template holds it now.
    delete migrated.session;
  }
  migrated.stateVersion = STATE_VERSION;
  return migrated;
}
