import { CallRoutes, DEFAULT_REJECT_STATUS, type CallRoute } from "../schemas/call-routes";
import { validate, type RealtimeSessionCreateRequestGA } from "../schemas";
import type { CallStep } from "./actions";
import { compileRoutes } from "./match";

/**
 * The session a refer route accepts the call with before transferring it:
 * the API refers only active calls, and the caller hears nothing of it.
 */
export const REFER_BRIDGE_SESSION: RealtimeSessionCreateRequestGA = { type: "realtime", model: "gpt-realtime" };

/**
 * Checks a resolved route list (the `callRoutes` stack output or a
 * `--routes` file): the call-route schema, every accept carrying a realtime
 * `session`, and every `/regex/` compiling.
 *
 * @throws Error listing each problem with its path, e.g. `callRoutes[1].session: ...`.
 * @example
 * const routes = parseResolvedRoutes(JSON.parse(fs.readFileSync("routes.json", "utf8")));
 */
export function parseResolvedRoutes(value: unknown): CallRoute[] {
  const result = validate(CallRoutes, value, "callRoutes");
  if (!result.ok) {
    throw new Error(`Invalid call routes: ${result.issues.map((i) => i.message).join(" ")}`);
  }
  const routes = result.value as CallRoute[];
  const problems: string[] = [];
  routes.forEach((route, i) => {
    if (route.action !== "accept") return;
    if (route.session === undefined) {
      const named = route.template === undefined ? "" : ` (template '${route.template}' is not resolved here)`;
      problems.push(`callRoutes[${i}].session: an accept route needs the session to accept with${named}`);
    } else if (route.session.type !== "realtime") {
      problems.push(`callRoutes[${i}].session.type: a call is accepted with a 'realtime' session, got '${route.session.type}'`);
    }
  });
  if (problems.length > 0) throw new Error(`Invalid call routes: ${problems.join("; ")}`);
  compileRoutes(routes);
  return routes;
}

/**
 * The requests a route makes for a call: accept with its session; refer
 * accepts with {@link REFER_BRIDGE_SESSION} then transfers; reject sends the
 * route's status (603 Decline by default). No route (-1) rejects with 603.
 *
 * @example
 * stepsFor({ action: "reject", statusCode: 486 }) // [{ action: "reject", statusCode: 486 }]
 */
export function stepsFor(route: CallRoute | undefined): CallStep[] {
  if (route === undefined) return [{ action: "reject", statusCode: DEFAULT_REJECT_STATUS }];
  switch (route.action) {
    case "accept":
      return [{ action: "accept", session: route.session as RealtimeSessionCreateRequestGA }];
    case "refer":
      return [
        { action: "accept", session: REFER_BRIDGE_SESSION },
        { action: "refer", targetUri: route.targetUri },
      ];
    case "reject":
      return [{ action: "reject", statusCode: route.statusCode ?? DEFAULT_REJECT_STATUS }];
  }
}
