import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// `npm test` runs unit and integration tests; the slow reliability suites
// under test/reliability/ run only when named (`npm run test:reliability`).
const reliability = process.argv.some((arg) => arg.includes("test/reliability"));

export default defineConfig({
  test: {
    include: reliability
      ? ["test/reliability/**/*.test.ts"]
      : ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    // Integration tests drive the real pulumi CLI, which is slow to start;
    // their own files set longer per-test timeouts where needed.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Integration files spend most of their time waiting on pulumi child
    // processes, so twice as many workers as cores keeps both cores busy
    // (vitest's default, cores - 1, is one worker on a 2-core machine).
    maxWorkers: Math.max(2, availableParallelism() * 2),
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/helpers/worker-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
