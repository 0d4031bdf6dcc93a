// The serialized provider text: what every resource's state carries, and
// what runs when the package is not installed (destroy and refresh).
import * as vm from "node:vm";
import { describe, expect, it } from "vitest";
import { provider } from "../../../src/provider/entry";
import { KINDS } from "../../../src/provider/kinds";
import { PROVIDER_PROTOCOL } from "../../../src/provider/protocol";
import { PROVIDER_MODULE, providerText } from "../../../src/provider/serialized";
import { EXPIRING_KINDS, type ResourceKind } from "../../../src/tokens";

/** Evaluates a provider text as the dynamic provider host does, with `require` failing as without the package. */
function offlineProvider(text: string): Record<string, (...args: unknown[]) => unknown> {
  const require = (name: string) => {
    throw Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /x`), { code: "MODULE_NOT_FOUND" });
  };
  return hostProvider(text, require);
}

function hostProvider(text: string, require: (name: string) => unknown): Record<string, (...args: unknown[]) => unknown> {
  const module = { exports: {} as { handler: () => Record<string, (...args: unknown[]) => unknown> } };
  vm.runInNewContext(text, { exports: module.exports, require, Date, Error, process: { cwd: () => "/srv/project" } });
  return module.exports.handler();
}

describe("providerText", () => {
  it("hands over to the package's provider subpath, the same text for every resource of a kind", () => {
    for (const kind of Object.keys(KINDS) as ResourceKind[]) {
      expect(providerText(kind)).toContain(`const t=['${PROVIDER_MODULE}']`);
      expect(providerText(kind)).toContain(`.provider('${kind}',${PROVIDER_PROTOCOL})`);
      expect(providerText(kind)).toBe(providerText(kind));
      // Stored twice per resource: kept short (490 to 501 bytes for a token, 418 for a template).
      expect(providerText(kind).length).toBeLessThanOrEqual(EXPIRING_KINDS.has(kind) ? 510 : 420);
    }
  });

  it("without the package, recomputes expiry on refresh for exactly the kinds that expire, and deletes by forgetting", async () => {
    for (const kind of Object.keys(KINDS) as ResourceKind[]) {
      const provider = offlineProvider(providerText(kind));
      expect(provider.delete, kind).toBeUndefined();
      // Refresh asks for a diff too: without one the engine compares the states itself.
      expect(provider.diff, kind).toBeUndefined();
      if (EXPIRING_KINDS.has(kind)) {
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

  it("without the package, fails check, create and update naming the module, the folder and the fix", async () => {
    const provider = offlineProvider(providerText("ClientSecret"));
    for (const method of ["check", "create", "update"]) {
      await expect(provider[method]?.({}, {}), method).rejects.toThrow(
        `cannot load ${PROVIDER_MODULE} from /srv/project: npm install pulumi-openai-realtime there`,
      );
    }
  });

  it("rethrows a module missing inside the package: only the package's own not-found means offline", () => {
    const require = (name: string) => {
      throw Object.assign(new Error(`Cannot find module 'zod'\nRequire stack:\n- /x/node_modules/${name}`), { code: "MODULE_NOT_FOUND" });
    };
    expect(() => hostProvider(providerText("ClientSecret"), require)).toThrow("Cannot find module 'zod'");
  });

  it("hands the kind and the protocol to the package's provider", () => {
    const calls: unknown[] = [];
    const loaded = hostProvider(providerText("SessionTemplate"), () => ({ provider: (...args: unknown[]) => (calls.push(args), {}) }));
    expect(loaded).toEqual({});
    expect(calls).toEqual([["SessionTemplate", PROVIDER_PROTOCOL]]);
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

describe("provider (the package's entry)", () => {
  it("refuses a text of a newer protocol or an unknown kind in every step but delete, saying to upgrade", async () => {
    for (const [kind, protocol] of [["ClientSecret", PROVIDER_PROTOCOL + 1], ["VoiceClone", PROVIDER_PROTOCOL]] as const) {
      const p = provider(kind as ResourceKind, protocol);
      for (const method of ["check", "diff", "create", "read", "update"] as const) {
        await expect((p[method] as (...a: unknown[]) => Promise<unknown>)("id", {}, {}), method).rejects.toThrow(
          /written by a newer release of pulumi-openai-realtime .*upgrade it \(npm install pulumi-openai-realtime@latest\)/,
        );
      }
      await expect(p.delete?.("id", {})).resolves.toBeUndefined();
    }
  });
});
