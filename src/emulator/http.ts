import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyTooLarge, malformedJson } from "./errors";

/** What a handler answers: a JSON value, SDP/text, or nothing. */
export interface HandlerResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialized unless `text` is set. `undefined` sends an empty body. */
  json?: unknown;
  /** Sent as-is; the handler sets `content-type`. */
  text?: string;
}

/** Largest request body accepted; SDP offers and session configs are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole request body. Past the limit it keeps draining the socket
 * (so the client sees the 413 rather than a reset) and then throws.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw bodyTooLarge(limit);
  return Buffer.concat(chunks);
}

/** The media type of a request, lower-cased and without parameters, or null. */
export function mediaType(req: IncomingMessage): string | null {
  const header = req.headers["content-type"];
  if (header === undefined || header === "") return null;
  return header.split(";")[0]!.trim().toLowerCase();
}

/**
 * Parses a JSON request body; an empty body counts as `{}` because the SDK
 * sends none for calls whose every field is optional.
 */
export function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedJson();
  }
}

/** Writes a handler's response. */
export function send(res: ServerResponse, response: HandlerResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = "";
  if (response.text !== undefined) {
    payload = response.text;
  } else if (response.json !== undefined) {
    payload = JSON.stringify(response.json);
    headers["content-type"] = "application/json";
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}
