// The setup every integration test file shares: an emulator that accepts one
// API key, and a workspace with a copy of a project pointed at it.
import { afterAll, beforeAll } from "vitest";
import type { EmulatorOptions } from "../../src/emulator";
import { TestEmulator } from "./emulator";
import { PulumiWorkspace } from "./pulumi";

export interface StackUnderTest {
  readonly emulator: TestEmulator;
  readonly ws: PulumiWorkspace;
}

/**
 * Registers beforeAll/afterAll hooks that start an emulator (accepting only
 * `apiKey`) and create a workspace for `project` whose environment points the
 * provider at it. Pass `env` to override the environment.
 */
export function useStack(
  project: string,
  apiKey: string,
  options: { env?: Record<string, string | undefined>; emulator?: EmulatorOptions } = {},
): StackUnderTest {
  const ctx = {} as { emulator: TestEmulator; ws: PulumiWorkspace };
  beforeAll(async () => {
    ctx.emulator = await TestEmulator.start({ apiKey, ...options.emulator });
    ctx.ws = await PulumiWorkspace.create(project, {
      env: options.env ?? { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: ctx.emulator.url },
    });
  });
  afterAll(async () => {
    await ctx.ws?.dispose();
    await ctx.emulator?.close();
  });
  return {
    get emulator() {
      return ctx.emulator;
    },
    get ws() {
      return ctx.ws;
    },
  };
}
