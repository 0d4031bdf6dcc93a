// Nothing secret can be recovered from the plaintext part of the state: a
// low-entropy secret in a session (a PIN in the instructions) is not found by
// hashing every candidate against the exported state, ids carry nothing of
// the content, and the API key's fingerprint is salted per resource. Diff
// still works on what is stored: the same input plans nothing, an edit
// replaces.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../src/provider/canonical";
import { useStack } from "../../helpers/stack";

const API_KEY = "sk-state-secrets-test-5d2e81";
const TOKEN = "pulumi-nodejs:dynamic/openai-realtime";
const PIN = "4831";

const session = (pin: string, greeting: string) => ({
  type: "realtime",
  model: "gpt-realtime",
  instructions: `${greeting} Unlock the account only after the caller says PIN ${pin}.`,
});

// The instructions are a secret (as \${secret:...} in realtime.yaml makes
// them): stored encrypted, and no plaintext value may give them away.
const program = (greeting: string) => `
import * as pulumi from "@pulumi/pulumi";
import { ClientSecret, SessionTemplate } from "pulumi-openai-realtime";
const plain = ${JSON.stringify(session(PIN, greeting))};
const session = { ...plain, type: "realtime" as const, instructions: pulumi.secret(plain.instructions) };
const desk = new SessionTemplate("desk", { session });
const web = new ClientSecret("web", { session, expiresAfterSeconds: 3600 });
const app = new ClientSecret("app", { session: desk.session, expiresAfterSeconds: 3600 });
export const revisions = { desk: desk.revision, web: web.revision };
`;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("secrets in state", { timeout: 300_000 }, () => {
  const stack = useStack("test/fixtures/resources", API_KEY);

  it("no candidate PIN hashes to anything in the state; ids and fingerprints carry nothing of the content or key", async () => {
    stack.ws.write("index.ts", program("Hello."));
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    const { raw, resources } = await stack.ws.exportState();
    // Not as text (random ids and digests may hold the four digits inside a longer token).
    expect(raw).not.toContain(`PIN ${PIN}`);
    expect(raw).not.toMatch(new RegExp(`(?<![0-9A-Za-z+/])${PIN}(?![0-9A-Za-z+/=])`));

    // The attack: hash every candidate session and look for it (or the
    // 24-digit prefix an id would carry) in the exported state.
    const found: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const digest = sha256(canonicalJson(session(String(n).padStart(4, "0"), "Hello.")));
      if (raw.includes(digest.slice(0, 24))) found.push(String(n));
    }
    expect(found).toEqual([]);

    const ours = resources.filter((r) => r.type.startsWith(TOKEN));
    expect(ours).toHaveLength(3);
    for (const r of ours) {
      // Revision is keyed: the key is stored encrypted beside it.
      expect(r.outputs?.revisionKey, r.urn).toMatchObject({ ciphertext: expect.any(String) });
      expect(r.outputs?.revision, r.urn).toMatch(/^[0-9a-f]{64}$/);
    }
    const desk = ours.find((r) => r.urn.endsWith("::desk"));
    expect(desk?.id).toMatch(/^tmpl_[0-9a-f]{24}$/);
    expect(raw).not.toContain(String(desk?.outputs?.revision).slice(0, 24) + '"');

    // The key's fingerprint is salted per resource: not the key's plain hash,
    // and two resources minted with one key do not share it.
    const fingerprints = ours.map((r) => String(r.outputs?.keyFingerprint));
    expect(new Set(fingerprints).size).toBe(3);
    expect(raw).not.toContain(sha256(API_KEY).slice(0, 16));
    for (const f of fingerprints) expect(f).toMatch(/^hmac-sha256:[0-9a-f]{16}:[0-9a-f]{16}$/);
  });

  it("plans nothing for the same input and replaces what an edit changes", async () => {
    const same = await stack.ws.preview(["--expect-no-changes"]);
    expect(same.code, same.output).toBe(0);

    stack.ws.write("index.ts", program("Good evening."));
    const before = (await stack.ws.outputs()).revisions as Record<string, string>;
    const up = await stack.ws.up();
    expect(up.code, up.output).toBe(0);
    // The edit replaces the template and both secrets (the engine's update
    // steps are its plan; no separate preview needed).
    expect(up.output).toContain(`+- ${TOKEN}:SessionTemplate desk replaced`);
    expect(up.output).toContain(`+- ${TOKEN}:ClientSecret web replaced`);
    expect(up.output).toContain(`+- ${TOKEN}:ClientSecret app replaced`);
    const after = (await stack.ws.outputs()).revisions as Record<string, string>;
    expect(after.desk).not.toBe(before.desk);
    expect(after.web).not.toBe(before.web);
    const again = await stack.ws.preview(["--expect-no-changes"]);
    expect(again.code, again.output).toBe(0);
  });
});
