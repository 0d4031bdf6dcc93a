import { readFileSync } from "node:fs";
import { join } from "node:path";

let cached: string | undefined;

/**
 * `pulumi-openai-realtime/<version> node/<version>`, sent as `User-Agent`
 * so the API's logs (and OpenAI support) can tell this client from others.
 * Read once, on the first request, so importing the client stays cheap.
 *
 * @example
 * ```ts
 * userAgent(); // "pulumi-openai-realtime/0.1.0 node/v24.21.0"
 * ```
 */
export function userAgent(): string {
  if (cached === undefined) {
    let version = "unknown";
    try {
      // Two levels up from both src/client and dist/client.
      const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
      if (typeof pkg.version === "string") version = pkg.version;
    } catch {
      // A bundler may have moved this file; the header still names the package.
    }
    cached = `pulumi-openai-realtime/${version} node/${process.version}`;
  }
  return cached;
}
