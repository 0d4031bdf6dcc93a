// Every relative link and #anchor of README.md and docs/*.md leads somewhere: the file exists,
// and the anchor is a heading of the page it names.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorsOf, anchorsOfFile, headingSlug, linksOf } from "../../helpers/markdown";
import { docFiles } from "../../helpers/readme";

const root = path.resolve(__dirname, "../../..");

/** The broken relative links of one page (`file` relative to `base`), as `file:line: target (why)`. */
function brokenLinks(file: string, base = root): string[] {
  const text = fs.readFileSync(path.join(base, file), "utf8");
  const broken: string[] = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not relative
    const [pathPart = "", anchor] = target.split("#", 2);
    const resolved = pathPart === "" ? path.join(base, file) : path.resolve(path.dirname(path.join(base, file)), decodeURIComponent(pathPart));
    const where = `${file}:${line}: ${target}`;
    if (!resolved.startsWith(base + path.sep) && resolved !== base) broken.push(`${where} (outside the repository)`);
    else if (!fs.existsSync(resolved)) broken.push(`${where} (no such file)`);
    else if (anchor !== undefined && anchor !== "") {
      if (!resolved.endsWith(".md")) broken.push(`${where} (an anchor into a file that is not Markdown)`);
      else if (!anchorsOfFile(resolved).has(anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

describe("documentation links", () => {
  it("covers README.md and a docs/ page per topic, each linked from docs/README.md", () => {
    const pages = docFiles(root);
    expect(pages).toEqual(
      expect.arrayContaining(
        ["resources", "realtime-yaml", "policies", "validate", "router", "client", "emulator", "troubleshooting", "performance", "development"].map(
          (topic) => `docs/${topic}.md`,
        ),
      ),
    );
    const index = linksOf(fs.readFileSync(path.join(root, "docs/README.md"), "utf8")).map((l) => `docs/${l.target}`);
    expect(pages.filter((p) => p.startsWith("docs/") && p !== "docs/README.md" && !index.includes(p))).toEqual([]);
  });

  it.each(docFiles(root))("%s: every relative link and anchor resolves", (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it("keeps the README to a few screens", () => {
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });
});

describe("the link checker", () => {
  it("slugs headings as GitHub does", () => {
    expect(headingSlug("A `pulumi up` was killed midway")).toBe("a-pulumi-up-was-killed-midway");
    expect(headingSlug("Expiry and Pulumi's resource options")).toBe("expiry-and-pulumis-resource-options");
    expect(headingSlug("realtime.yaml")).toBe("realtimeyaml");
    expect(headingSlug("OAIRT001 openai-realtime-allowed-models")).toBe("oairt001-openai-realtime-allowed-models");
  });

  it("numbers repeated headings, ignores code, and finds links outside it", () => {
    const page = ["# Setup", "## Setup", "```sh", "# not a heading [x](nowhere.md)", "```", "See [a](b.md#c) and `[d](e.md)`."].join("\n");
    expect([...anchorsOf(page)]).toEqual(["setup", "setup-1"]);
    expect(linksOf(page)).toEqual([{ target: "b.md#c", line: 6 }]);
  });

  it("reports a missing file and a missing heading", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "por-docs-links-"));
    try {
      fs.mkdirSync(path.join(dir, "docs"));
      fs.writeFileSync(path.join(dir, "docs", "a.md"), "# A\n\n[ok](#a) [up](../docs/a.md#a) [gone](missing.md) [bad](#b) [other](a.md#nope) [out](../../x.md)\n");
      expect(brokenLinks("docs/a.md", dir)).toEqual([
        "docs/a.md:3: missing.md (no such file)",
        "docs/a.md:3: #b (no such heading)",
        "docs/a.md:3: a.md#nope (no such heading)",
        "docs/a.md:3: ../../x.md (outside the repository)",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
