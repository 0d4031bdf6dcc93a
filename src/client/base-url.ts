import { OpenAIRealtimeError } from "./errors/openai-realtime-error";

/** The API's public endpoint, used when neither `baseURL` nor `OPENAI_BASE_URL` is set. */
export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

function isLoopbackHost(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Parses and hardens a base URL: https anywhere, plain http only to a
 * loopback host (the emulator, a test server), never credentials in the URL,
 * and no query or fragment (paths are appended to it). Returns it without a
 * trailing slash.
 *
 * @throws OpenAIRealtimeError naming the rule that failed; a URL with
 *   credentials is not echoed, since those are secrets.
 */
export function parseBaseURL(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OpenAIRealtimeError(`baseURL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new OpenAIRealtimeError("baseURL must not contain credentials (user:password@); pass apiKey instead");
  }
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) {
      throw new OpenAIRealtimeError(
        `baseURL must use https; plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost), got ${url.origin}`,
      );
    }
  } else if (url.protocol !== "https:") {
    throw new OpenAIRealtimeError(`baseURL must use https, got ${url.protocol}`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new OpenAIRealtimeError(`baseURL must not have a query or fragment, got ${url.origin}${url.pathname}`);
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}
