import type { SchemaIssue } from "../schemas/issues";
import { APIError } from "./errors/api-error";
import { RequestValidationError } from "./errors/request-validation-error";
import { loadSchemas, type RequestSchemaName } from "./lazy-schemas";
import type { RequestOptions } from "./request-options";
import { withRequestId, type WithRequestId } from "./request-id";
import type { IncomingResponse, OutgoingRequest, Transport } from "./transport";

/**
 * What every endpoint module uses: request validation, JSON bodies and
 * response parsing on top of the transport. Internal; not exported from the
 * package.
 */
export class Api {
  readonly #transport: Transport;
  readonly #validateRequests: boolean;

  constructor(transport: Transport, validateRequests: boolean) {
    this.#transport = transport;
    this.#validateRequests = validateRequests;
  }

  /**
   * Validates `body` against `schema` (paths prefixed with `prefix`) and
   * returns its issues, or none when validation is switched off.
   */
  async issues(schema: RequestSchemaName, body: unknown, prefix?: string): Promise<SchemaIssue[]> {
    if (!this.#validateRequests) return [];
    const schemas = await loadSchemas();
    const result =
      prefix === undefined ? schemas.validate(schemas[schema], body) : schemas.validate(schemas[schema], body, prefix);
    return result.ok ? [] : result.issues;
  }

  /** Throws {@link RequestValidationError} when there are issues, before anything is sent. */
  check(method: string, path: string, issues: readonly SchemaIssue[]): void {
    if (issues.length > 0) throw new RequestValidationError(method, path, issues);
  }

  /** Sends a raw request. */
  send(req: OutgoingRequest, options?: RequestOptions): Promise<IncomingResponse> {
    return this.#transport.send(req, options);
  }

  /**
   * POSTs a validated JSON body and returns the JSON response.
   *
   * Responses are not rejected for their shape: the API adds fields and enum
   * values over time, and a client that refused them would break working
   * code. Unknown fields are kept (the raw JSON is returned); only a body
   * that is not a JSON object is an error.
   */
  async postJson<T extends object>(
    path: string,
    schema: RequestSchemaName,
    body: unknown,
    options?: RequestOptions,
  ): Promise<T & WithRequestId> {
    this.check("POST", path, await this.issues(schema, body));
    const res = await this.send(
      { method: "POST", path, accept: "application/json", body: jsonBody(body) },
      options,
    );
    return withRequestId(parseJsonObject(res, "POST", path) as T, res.headers);
  }

  /**
   * POSTs (a validated JSON body, if any) to an endpoint that answers with an
   * empty 200. `alreadyDone` makes a refused retry count as success (see
   * `OutgoingRequest.alreadyDone`).
   */
  async postVoid(
    path: string,
    schema: RequestSchemaName | undefined,
    body: unknown,
    options?: RequestOptions,
    alreadyDone?: OutgoingRequest["alreadyDone"],
  ): Promise<void> {
    if (schema !== undefined) this.check("POST", path, await this.issues(schema, body));
    await this.send(
      { method: "POST", path, accept: "*/*", body: schema === undefined ? undefined : jsonBody(body), alreadyDone },
      options,
    );
  }
}

function jsonBody(body: unknown): { contentType: string; data: string } {
  return { contentType: "application/json", data: JSON.stringify(body) };
}

function parseJsonObject(res: IncomingResponse, method: string, path: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    const type = res.headers["content-type"] ?? "no content-type";
    throw new APIError({
      status: res.status,
      method,
      path,
      headers: res.headers,
      fallbackMessage: `expected a JSON object in the response, got ${type}`,
    });
  }
  return parsed;
}

/** Encodes one path segment, e.g. a call id: `/` or `?` in an id must not change the URL's meaning. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
