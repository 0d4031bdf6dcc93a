import { z } from "zod";
import { integer } from "./kit";
import { ClientSecretSession } from "./resource-args";

// Call routes: how the SIP router answers a `realtime.call.incoming` webhook.
// Declared in `realtime.yaml` (`callRoutes`, accept routes name a template)
// and resolved by the root stack (`callRoutes` output, accept routes carry the
// template's effective session). The first route whose `match` holds wins.

/**
 * What a route matches on. `to` and `from` are the SIP `To` / `From` headers;
 * `headers` names any SIP header by exact name. Every value is an exact
 * string, a glob (`*` any run, `?` one character), or a regular expression
 * written `/.../flags`. An empty match matches every call.
 */
export const CallRouteMatch = z.strictObject({
  to: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  headers: z.record(z.string().min(1), z.string().min(1)).optional(),
});
export type CallRouteMatch = z.infer<typeof CallRouteMatch>;

const common = {
  match: CallRouteMatch.optional(),
  /** Hang the call up after this many seconds (accept and refer). */
  maxDurationSeconds: integer(1, 86_400).optional(),
};

/** Accept with a session: `template` names a template in realtime.yaml; a resolved route carries `session`. */
export const AcceptRoute = z.strictObject({
  ...common,
  action: z.literal("accept"),
  template: z.string().min(1).optional(),
  session: ClientSecretSession.optional(),
});

/** Transfer the call to `targetUri` (`sip:` or `tel:`). */
export const ReferRoute = z.strictObject({
  ...common,
  action: z.literal("refer"),
  targetUri: z.string().regex(/^(sip|sips|tel):/, "must start with sip:, sips: or tel:"),
});

/** Decline with a SIP status code (400..699). @default 603 */
export const RejectRoute = z.strictObject({
  match: CallRouteMatch.optional(),
  action: z.literal("reject"),
  statusCode: integer(400, 699).optional(),
});

/** One call route. */
export const CallRoute = z.discriminatedUnion("action", [AcceptRoute, ReferRoute, RejectRoute]);
export type CallRoute = z.infer<typeof CallRoute>;

/** The ordered route list (first match wins). */
export const CallRoutes = z.array(CallRoute);
export type CallRoutes = z.infer<typeof CallRoutes>;

/** SIP status a reject route answers with when it names none (Decline). */
export const DEFAULT_REJECT_STATUS = 603;
