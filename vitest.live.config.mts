import { defineConfig } from "vitest/config";

// `npm run test:live`: the live acceptance tests alone. Their files end in
// `.live.ts`, so `npm test` (which runs `*.test.ts`) never picks them up.
export default defineConfig({
  test: {
    include: ["test/live/**/*.live.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["test/live/setup.ts"],
  },
});
