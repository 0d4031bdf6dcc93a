import { redactJson, redactText } from "./redact";

/** One API request as `GET /_emulator/requests` lists it. Secrets are already redacted. */
export interface RecordedRequest {
  id: string;
  method: string;
  path: string;
  status: number;
  latency_ms: number;
  /** Delay injected by `--latency-ms` or `POST /_emulator/faults`. */
  delayed_ms: number;
  /** Status of an injected failure, or null. */
  fault: number | null;
  content_type: string | null;
  /** Parsed JSON when the body was JSON, the text otherwise, null when empty. */
  body: unknown;
}

/** The raw facts about a request, before redaction. */
export interface RequestFacts extends Omit<RecordedRequest, "body"> {
  /** The route template (`/v1/realtime/calls/{call_id}/accept`) or the literal path. */
  statsPath: string;
  rawBody: Buffer;
}

/** Keeps memory bounded when the emulator runs for days. */
const MAX_RECORDED = 1000;

/** Redacts a raw request body for recording. */
function recordBody(raw: Buffer, contentType: string | null): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString("utf8");
  if (contentType === null || contentType.includes("json")) {
    try {
      return redactJson(JSON.parse(text));
    } catch {
      // Malformed JSON is recorded as text so the test author can see what was sent.
    }
  }
  return redactText(text);
}

/**
 * Records API requests (newest last, the last 1000) and counts them per
 * `METHOD path` for `GET /_emulator/stats`.
 */
export class RequestRecorder {
  private requests: RecordedRequest[] = [];
  private counts = new Map<string, number>();

  /** Records one finished API request. */
  record(facts: RequestFacts): void {
    const { statsPath, rawBody, ...rest } = facts;
    this.requests.push({ ...rest, body: recordBody(rawBody, facts.content_type) });
    if (this.requests.length > MAX_RECORDED) this.requests.splice(0, this.requests.length - MAX_RECORDED);
    const key = `${facts.method} ${statsPath}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The recorded requests, oldest first. */
  list(): RecordedRequest[] {
    return [...this.requests];
  }

  /** Request counts keyed by `METHOD path`, e.g. `POST /v1/realtime/client_secrets`. */
  stats(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Forgets everything. */
  clear(): void {
    this.requests = [];
    this.counts.clear();
  }
}
