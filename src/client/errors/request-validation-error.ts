import type { SchemaIssue } from "../../schemas/issues";
import { OpenAIRealtimeError } from "./openai-realtime-error";

/**
 * A request body failed schema validation before it was sent; no HTTP request
 * was made. The message lists every issue, each naming its field path, e.g.
 * `POST /realtime/client_secrets: invalid request body: Invalid 'expires_after.seconds': integer above maximum value. Expected a value <= 7200, but got 9000 instead.`
 */
export class RequestValidationError extends OpenAIRealtimeError {
  override readonly name: string = "RequestValidationError";
  /** HTTP method of the request that was not sent. */
  readonly method: string;
  /** API path relative to `baseURL`. */
  readonly path: string;
  /** Every failing field, with its path in the request body. */
  readonly issues: readonly SchemaIssue[];

  constructor(method: string, path: string, issues: readonly SchemaIssue[]) {
    // Schema issue messages are sentences that already name their path.
    const listed = issues.map((i) => i.message).join(" ");
    super(`${method} ${path}: invalid request body: ${listed}`);
    this.method = method;
    this.path = path;
    this.issues = issues;
  }
}
