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
      // Stored twice per resource: kept short (582 to 593 bytes for a token, 510 for a template).
      expect(providerText(kind).length).toBeLessThanOrEqual(EXPIRING_KINDS.has(kind) ? 600 : 520);
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

  it("takes a copy too old to have the provider subpath (release 0.1.0, installed over newer state) as none: offline refresh and delete", async () => {
    // What Node throws for a subpath a package's `exports` does not name.
    const notExported = (pkg: string) =>
      Object.assign(new Error(`Package subpath './provider' is not defined by "exports" in ${pkg}/package.json`), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
    const older = hostProvider(providerText("ClientSecret"), () => {
      throw notExported("/srv/project/node_modules/pulumi-openai-realtime");
    });
    expect(older.delete).toBeUndefined();
    expect(older.diff).toBeUndefined();
    expect(await older.read?.("id", { expiresAt: 1 })).toEqual({ id: "id", props: { expiresAt: 1, expired: true } });
    for (const method of ["check", "create", "update"]) {
      await expect(older[method]?.({}, {}), method).rejects.toThrow(
        `cannot load ${PROVIDER_MODULE} from /srv/project: npm install pulumi-openai-realtime there`,
      );
    }
    // Another package's missing subpath, met while loading a copy that has it, is a broken install: rethrown.
    const nested = () => {
      throw notExported("/srv/project/node_modules/pulumi-openai-realtime/node_modules/zod");
    };
    expect(() => hostProvider(providerText("ClientSecret"), nested)).toThrow("node_modules/zod/package.json");
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
