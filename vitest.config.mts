import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// `npm test` runs unit and integration tests; the slow reliability suites
// under test/reliability/ run only when named (`npm run test:reliability`).
const reliability = process.argv.some((arg) => arg.includes("test/reliability"));

// What every project's files share (the global setup and reporters are the
// run's, below, so they run once).
const shared = {
  // Integration tests drive the real pulumi CLI, which is slow to start;
  // their own files set longer per-test timeouts where needed.
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: "forks",
  setupFiles: ["test/helpers/worker-setup.ts"],
} as const;

export default defineConfig({
  test: {
    // Unit files share their workers' module cache (isolate: false): a file
    // then no longer re-imports src/ (zod schemas above all), which more than
    // halves the unit tests' CPU time on a 2-core machine. What a file stubs
    // (env, globals, mocks) is undone after each test, so nothing leaks into
    // the next file. Integration and reliability files stay isolated.
    projects: reliability
      ? [{ test: { ...shared, name: "reliability", include: ["test/reliability/**/*.test.ts"] } }]
      : [
          {
            test: {
              ...shared,
              name: "unit",
              include: ["test/unit/**/*.test.ts"],
              isolate: false,
              unstubEnvs: true,
              unstubGlobals: true,
              restoreMocks: true,
            },
          },
          { test: { ...shared, name: "integration", include: ["test/integration/**/*.test.ts"] } },
        ],
    // Integration files spend most of their time waiting on pulumi child
    // processes, so twice as many workers as cores keeps both cores busy
    // (vitest's default, cores - 1, is one worker on a 2-core machine).
    maxWorkers: Math.max(2, availableParallelism() * 2),
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/cost-reporter.ts", "./test/summary-reporter.ts"],
  },
});
