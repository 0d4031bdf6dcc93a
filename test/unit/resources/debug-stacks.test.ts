// While a resource registers, the SDK's debug-only promise stacks are empty,
// and nothing else changes: its call-site lookup and later-read error stacks
// are formatted as usual.
import { describe, expect, it } from "vitest";
import { withoutDebugStacks } from "../../../src/resources/base";

class Resource {
  // Named as the SDK's call-site lookup is.
  static callsites(): string | undefined {
    return new Error().stack;
  }
}

describe("withoutDebugStacks", () => {
  it("is the SDK's default (changes nothing) when the SDK has no call-site lookup of that name", () => {
    const before = Error.prepareStackTrace;
    const restore = withoutDebugStacks(class Renamed {});
    try {
      expect(Error.prepareStackTrace).toBe(before);
      expect(new Error("debug").stack).toContain("debug");
    } finally {
      restore();
    }
    expect(Error.prepareStackTrace).toBe(before);
  });

  it("recognises the SDK in use (its Resource has the call-site lookup)", async () => {
    const pulumi = await import("@pulumi/pulumi");
    expect(typeof (pulumi.Resource as unknown as { callsites?: unknown }).callsites).toBe("function");
  });

  it("formats no stack while in effect, except the SDK's call-site lookup, and restores the hook", () => {
    const before = Error.prepareStackTrace;
    const marker = (error: Error, frames: NodeJS.CallSite[]) => `mapped ${error.message} ${frames.length}`;
    Error.prepareStackTrace = marker;
    let late: Error | undefined;
    const restore = withoutDebugStacks();
    try {
      expect(new Error("debug").stack).toBe("");
      expect(Resource.callsites()).toMatch(/^mapped {2}\d+$/);
      late = new Error("late");
    } finally {
      restore();
    }
    try {
      expect(Error.prepareStackTrace).toBe(marker);
      // An error created inside but read afterwards is formatted by the restored hook.
      expect(late?.stack).toMatch(/^mapped late \d+$/);
    } finally {
      Error.prepareStackTrace = before;
    }
  });

  it("formats the call-site lookup as V8 does when no hook was installed", () => {
    const before = Error.prepareStackTrace;
    // Node's own default: no hook at all.
    delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    const restore = withoutDebugStacks();
    try {
      expect(Resource.callsites()).toMatch(/^Error\n {4}at (\w+\.)?callsites \(.*debug-stacks\.test\.ts:\d+:\d+\)/);
    } finally {
      restore();
      Error.prepareStackTrace = before;
    }
  });
});
