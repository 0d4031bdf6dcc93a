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

// Unit and integration files share their worker's module cache (isolate:
// false): a file then no longer re-imports src/ and the helpers (zod schemas
// above all), which more than halves the unit tests' CPU time on a 2-core
// machine and saves every integration file's imports. What a file stubs
// (env, globals, mocks) is undone after each test, so nothing leaks into the
// next file. Reliability files stay isolated.
const sharedModules = { isolate: false, unstubEnvs: true, unstubGlobals: true, restoreMocks: true } as const;

export default defineConfig({
  test: {
    projects: reliability
      ? [{ test: { ...shared, name: "reliability", include: ["test/reliability/**/*.test.ts"] } }]
      : [
          { test: { ...shared, ...sharedModules, name: "unit", include: ["test/unit/**/*.test.ts"] } },
          { test: { ...shared, ...sharedModules, name: "integration", include: ["test/integration/**/*.test.ts"] } },
        ],
    // Integration files spend most of their time waiting on pulumi child
    // processes, so twice as many workers as cores keeps both cores busy
    // (vitest's default, cores - 1, is one worker on a 2-core machine).
    maxWorkers: Math.max(2, availableParallelism() * 2),
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/cost-reporter.ts", "./test/summary-reporter.ts"],
  },
});
