// The realtime.yaml the README shows is one the loader accepts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRealtimeConfig } from "../../../src/config";
import { readmeSnippets } from "../../helpers/readme";

describe("README.md realtime.yaml", () => {
  it("loads without problems", () => {
    const block = readmeSnippets().find((s) => s.lang === "yaml" && s.code.includes("yaml-language-server"));
    expect(block).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-readme-yaml-"));
    fs.writeFileSync(path.join(dir, "realtime.yaml"), block?.code ?? "");
    const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { env: { COMPANY_NAME: "Example Corp" } });
    expect(loaded.problems).toEqual([]);
    expect(loaded.entries.map((e) => `${e.section}.${e.name}`)).toEqual([
      "templates.concierge",
      "clientSecrets.web",
      "callRoutes.0",
      "callRoutes.1",
    ]);
  });
});
