import * as pulumi from "@pulumi/pulumi";

/** The day OpenAI removed the beta Realtime interface. */
export const BETA_REMOVED_ON = "2026-05-12";

const ENDPOINTS = {
  RealtimeSession: { path: "POST /realtime/sessions", replacement: 'ClientSecret with a `type: "realtime"` session' },
  TranscriptionSession: {
    path: "POST /realtime/transcription_sessions",
    replacement: 'ClientSecret with a `type: "transcription"` session',
  },
} as const;

/**
 * The warning each resource of a retired endpoint shows at preview and up.
 *
 * @example
 * ```ts
 * retiredEndpointWarning("RealtimeSession");
 * // "RealtimeSession targets POST /realtime/sessions, which OpenAI retired on 2026-05-12 ..."
 * ```
 */
export function retiredEndpointWarning(kind: keyof typeof ENDPOINTS): string {
  const { path, replacement } = ENDPOINTS[kind];
  return (
    `${kind} targets ${path}, which OpenAI retired on ${BETA_REMOVED_ON} with the beta Realtime interface ` +
    `(reported to answer 404 since); use a ${replacement} instead.`
  );
}

/** Shows {@link retiredEndpointWarning} once for `resource`, attached to it. */
export function warnRetired(resource: pulumi.Resource, kind: keyof typeof ENDPOINTS): void {
  void pulumi.log.warn(retiredEndpointWarning(kind), resource);
}
