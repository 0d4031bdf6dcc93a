/** A route: method plus a path template with `{param}` segments. */
export interface RouteSpec<H> {
  method: string;
  /** E.g. `/v1/realtime/calls/{call_id}/accept`; also the stats key. */
  template: string;
  handler: H;
}

/** A matched route with its path parameters. */
export interface RouteMatch<H> {
  route: RouteSpec<H>;
  params: Record<string, string>;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface CompiledRoute<H> {
  route: RouteSpec<H>;
  pattern: RegExp;
  names: string[];
}

/**
 * Matches `METHOD path` against templates. Parameters match one path segment.
 *
 * @example
 * const router = new Router([{ method: "POST", template: "/v1/realtime/calls/{call_id}/hangup", handler: h }]);
 * router.match("POST", "/v1/realtime/calls/rtc_1/hangup")?.params // { call_id: "rtc_1" }
 */
export class Router<H> {
  private readonly compiled: CompiledRoute<H>[];

  constructor(routes: RouteSpec<H>[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split("/")
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (param === null) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param[1]!);
          return "([^/]+)";
        })
        .join("/");
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for this request, or null (unknown path or method). */
  match(method: string, path: string): RouteMatch<H> | null {
    for (const { route, pattern, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1]!);
      });
      return { route, params };
    }
    return null;
  }
}
