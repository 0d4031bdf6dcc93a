import type { CallRoute } from "../schemas/call-routes";

/** Placeholder until the realtime.yaml loader lands. */
export function routesFromConfig(file: string): CallRoute[] {
  throw new Error(`--config ${file}: not available yet`);
}
