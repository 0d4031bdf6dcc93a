// The realtime.yaml files the README and docs/realtime-yaml.md show are ones the loader accepts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRealtimeConfig } from "../../../src/config";
import { readmeSnippet, type ReadmeSnippet } from "../../helpers/readme";

function load(block: ReadmeSnippet) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-readme-yaml-"));
  try {
    fs.writeFileSync(path.join(dir, "realtime.yaml"), block.code);
    const loaded = loadRealtimeConfig(path.join(dir, "realtime.yaml"), { env: { COMPANY_NAME: "Example Corp" } });
    return { problems: loaded.problems, entries: loaded.entries.map((e) => `${e.section}.${e.name}`) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("realtime.yaml in the docs", () => {
  it("docs/realtime-yaml.md: loads without problems", () => {
    expect(load(readmeSnippet("realtime-yaml"))).toEqual({
      problems: [],
      entries: ["templates.concierge", "clientSecrets.web", "callRoutes.0", "callRoutes.1"],
    });
  });

  it("README.md: loads without problems", () => {
    expect(load(readmeSnippet("readme-realtime-yaml"))).toEqual({
      problems: [],
      entries: ["templates.concierge", "clientSecrets.web", "callRoutes.0", "callRoutes.1"],
    });
  });
});
