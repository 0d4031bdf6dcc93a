// Links and heading anchors of a Markdown page, as GitHub renders them.
import * as fs from "node:fs";

/** One `[text](target)` link of a page. */
export interface MarkdownLink {
  target: string;
  /** 1-based line. */
  line: number;
}

/** The page's lines outside fenced code blocks, each with its 1-based number. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let fenced = false;
  markdown.split("\n").forEach((text, i) => {
    if (/^\s*```/.test(text)) fenced = !fenced;
    else if (!fenced) out.push({ text, line: i + 1 });
  });
  return out;
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation dropped (hyphens and underscores
 * kept), spaces to hyphens.
 *
 * @example
 * headingSlug("A `pulumi up` was killed midway"); // "a-pulumi-up-was-killed-midway"
 */
export function headingSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every anchor of a page: its headings' slugs (a repeated one gets `-1`, `-2`, ...) and `<a id|name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading !== null) {
      const slug = headingSlug(heading[1]!);
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** Every inline link and image of a page outside code (fenced blocks and `inline code`). */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = text.replace(/`[^`]*`/g, "``");
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1]!, line });
  }
  return links;
}

/** The anchors of the page at `file`. */
export function anchorsOfFile(file: string): Set<string> {
  return anchorsOf(fs.readFileSync(file, "utf8"));
}
