// When the live acceptance tests run: only with a key, never in CI.

/** Why the live tests are skipped, or null when they run. */
export function liveSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CI) return "test:live skipped: CI is set (live tests call the real OpenAI API and never run in CI)";
  if (!env.OPENAI_API_KEY) return "test:live skipped: OPENAI_API_KEY is not set (live tests call the real OpenAI API with it)";
  return null;
}

/** True when the live tests run. */
export const LIVE = liveSkipReason() === null;

/** Where the live tests send requests: OPENAI_BASE_URL or the API itself. */
export const LIVE_BASE_URL = process.env.OPENAI_BASE_URL || "https://api.openai.com/v1";
