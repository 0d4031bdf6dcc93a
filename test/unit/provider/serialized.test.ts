// The serialized provider text: what every resource's state carries, and
// what runs when the package is not installed (destroy and refresh).
import * as vm from "node:vm";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../../src/provider/kinds";
import { PROVIDER_MODULE, providerText } from "../../../src/provider/serialized";
import type { ResourceKind } from "../../../src/tokens";

/** Evaluates a provider text as the dynamic provider host does, with `require` failing as without the package. */
function offlineProvider(text: string): Record<string, (...args: unknown[]) => unknown> {
  const module = { exports: {} as { handler: () => Record<string, (...args: unknown[]) => unknown> } };
  const require = (name: string) => {
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: "MODULE_NOT_FOUND" });
  };
  vm.runInNewContext(text, { exports: module.exports, require, Date });
  return module.exports.handler();
}

describe("providerText", () => {
  it("hands over to the package's provider subpath, the same text for every resource of a kind", () => {
    for (const kind of Object.keys(KINDS) as ResourceKind[]) {
      expect(providerText(kind)).toContain(`require('${PROVIDER_MODULE}').provider('${kind}')`);
      expect(providerText(kind)).toBe(providerText(kind));
      // Stored twice per resource: kept short (230 bytes for a ClientSecret, 159 for a template).
      expect(providerText(kind).length).toBeLessThanOrEqual(KINDS[kind].expires ? 245 : 160);
    }
  });

  it("without the package, recomputes expiry on refresh for exactly the kinds that expire, and deletes by forgetting", async () => {
    for (const kind of Object.keys(KINDS) as ResourceKind[]) {
      const provider = offlineProvider(providerText(kind));
      expect(provider.delete, kind).toBeUndefined();
      if (KINDS[kind].expires) {
        const past = await provider.read?.("id", { expiresAt: 1, value: "v" });
        expect(past, kind).toEqual({ id: "id", props: { expiresAt: 1, value: "v", expired: true } });
        const future = (await provider.read?.("id", { expiresAt: 4_000_000_000 })) as { props: { expired: boolean } };
        expect(future.props.expired, kind).toBe(false);
      } else {
        // No read: the dynamic provider host returns the state unchanged.
        expect(provider.read, kind).toBeUndefined();
      }
    }
  });

  it("rethrows any other failure to load the package", () => {
    const text = providerText("ClientSecret");
    const module = { exports: {} as { handler: () => unknown } };
    vm.runInNewContext(text, {
      exports: module.exports,
      require: () => {
        throw new SyntaxError("broken install");
      },
    });
    expect(() => module.exports.handler()).toThrow("broken install");
  });
});
