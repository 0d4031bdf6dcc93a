import type { z } from "zod";
import type { RealtimeClient } from "../../client";
import type { ResourceKind } from "../../tokens";

/** What a create returns: the resource id and its outputs (without `__provider`). */
export interface Minted {
  id: string;
  outs: Record<string, unknown>;
}

/** How one resource kind is validated and created; the lifecycle around it is shared. */
export interface KindSpec {
  readonly kind: ResourceKind;
  /** Zod schema of the resource's arguments. */
  readonly args: z.ZodType;
  /** Arguments compared one by one in diff; `session` is compared by its keyed revision. */
  readonly inputKeys: readonly string[];
  /** Defaults filled in by check, so state shows what was applied. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** The one API call of a create. */
  create(client: RealtimeClient, args: Record<string, unknown>): Promise<Minted>;
}
