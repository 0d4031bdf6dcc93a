import { describe, expect, it } from "vitest";
import { resolvePolicyConfig } from "../../../src/rules";

describe("resolvePolicyConfig", () => {
  it("gives every rule its default level and settings", () => {
    const result = resolvePolicyConfig({});
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const ttl = result.rules.find((r) => r.rule.id === "OAIRT003");
    expect(ttl?.level).toBe("mandatory");
    expect(ttl?.config).toEqual({ maxSeconds: 600 });
  });

  it("reads levels and settings by policy name or id, and 'all'", () => {
    const result = resolvePolicyConfig({
      all: "advisory",
      "openai-realtime-client-secret-max-ttl": { enforcementLevel: "mandatory", maxSeconds: 300 },
      OAIRT007: "disabled",
    });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const level = (id: string) => result.rules.find((r) => r.rule.id === id)?.level;
    expect(level("OAIRT001")).toBe("advisory");
    expect(level("OAIRT003")).toBe("mandatory");
    expect(level("OAIRT007")).toBe("disabled");
    expect(result.rules.find((r) => r.rule.id === "OAIRT003")?.config).toEqual({ maxSeconds: 300 });
  });

  it("names unknown policies, unknown settings and bad values", () => {
    const result = resolvePolicyConfig({
      "openai-realtime-max-ttl": "mandatory",
      "openai-realtime-client-secret-max-ttl": { maxSeconds: 9000, maxSecs: 1 },
      "openai-realtime-allowed-models": { enforcementLevel: "block", models: "gpt-realtime" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^Unknown policy 'openai-realtime-max-ttl'\. Policies: 'openai-realtime-allowed-models', /);
    expect(result.errors.slice(1)).toEqual([
      "'openai-realtime-client-secret-max-ttl.maxSeconds' must be an integer between 10 and 7200.",
      "Unknown setting 'openai-realtime-client-secret-max-ttl.maxSecs'. Allowed: 'enforcementLevel', 'maxSeconds'.",
      "'openai-realtime-allowed-models.enforcementLevel' must be one of 'advisory', 'mandatory', 'remediate', 'disabled'.",
      "'openai-realtime-allowed-models.models' must be an array of strings.",
    ]);
  });

  it("reads a boolean setting and refuses a non-boolean one", () => {
    const allowed = resolvePolicyConfig({ OAIRT013: { allowUnauthenticated: true } });
    if (!allowed.ok) throw new Error(allowed.errors.join("\n"));
    expect(allowed.rules.find((r) => r.rule.id === "OAIRT013")?.config).toEqual({ allowUnauthenticated: true });
    expect(resolvePolicyConfig({ OAIRT013: { allowUnauthenticated: "yes" } })).toEqual({
      ok: false,
      errors: ["'OAIRT013.allowUnauthenticated' must be true or false."],
    });
  });

  it("refuses a config that is not an object", () => {
    expect(resolvePolicyConfig([])).toEqual({ ok: false, errors: ["The policy config must be a JSON object keyed by policy name."] });
  });
});
