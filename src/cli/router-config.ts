import type { RealtimeSessionCreateRequestGA } from "../schemas";
import type { CallRoute } from "../schemas/call-routes";

/** Placeholder until the realtime.yaml loader lands. */
export function routesFromConfig(file: string): CallRoute[] {
  throw new Error(`--config ${file}: not available yet`);
}

/** Placeholder until the realtime.yaml loader lands. */
export function templateSessionFromConfig(file: string, name: string): RealtimeSessionCreateRequestGA {
  throw new Error(`--config ${file} --template ${name}: not available yet`);
}
