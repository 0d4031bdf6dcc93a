import { isMap, isPair, isScalar, isSeq, Lexer, type Node, type Pair } from "yaml";
import type { SourceLocation } from "./types";

/** Turns character offsets of one file into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    readonly source: string,
  ) {
    for (let i = 0; i < source.length; i++) if (source[i] === "\n") this.starts.push(i + 1);
  }

  /** Location of a character offset (clamped into the file). */
  at(offset: number): SourceLocation {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { file: this.file, line: low + 1, column: clamped - (this.starts[low] ?? 0) + 1 };
  }

  /** The text of a 1-based line, without its newline. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    return this.source.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }
}

/** Start offset of a node, when the parser recorded one. */
export function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** The pair of a map whose key is `key` (the last one when a key repeats, as the value YAML keeps). */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  let found: Pair | undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === key) found = item;
  }
  return found;
}

/** A map key as text (scalar keys only; complex keys have none). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * Offset of the deepest node on `path` below `node`: the key of the last
 * pair found, or the start of the last list item found. Paths that leave the
 * document stop at the nearest ancestor that exists.
 */
export function offsetOf(node: unknown, path: ReadonlyArray<string | number>, fallback: number): number {
  let current: unknown = node;
  let offset = fallback;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = pairOf(current, String(segment));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item === undefined) break;
      offset = startOf(item) ?? offset;
      current = item;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * Comments about the thing on `line`: the comment lines directly above it
 * and a comment trailing on the line itself, without `#`, trimmed.
 */
export function commentsAbout(index: LineIndex, line: number): string[] {
  const above: string[] = [];
  for (let n = line - 1; n >= 1; n--) {
    const match = /^\s*#(.*)$/.exec(index.line(n));
    if (!match) break;
    above.unshift((match[1] ?? "").trim());
  }
  const trailing = trailingComment(index.line(line));
  return trailing === undefined ? above : [...above, trailing];
}

// The lexer knows quotes and flow collections, so a '#' inside a string is not
// taken for a comment.
function trailingComment(text: string): string | undefined {
  let comment: string | undefined;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith("#")) comment = token.slice(1).trim();
  }
  return comment;
}
