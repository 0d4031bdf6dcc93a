/** A top-level section of realtime.yaml; each maps to one resource class (`callRoutes` to the router, `tokenEndpoints` to the token service). */
export type Section =
  | "templates"
  | "clientSecrets"
  | "realtimeSessions"
  | "transcriptionSessions"
  | "translationClientSecrets"
  | "tokenEndpoints"
  | "callRoutes";

/** Every section, in the order the file documents them. */
export const SECTIONS: readonly Section[] = [
  "templates",
  "clientSecrets",
  "realtimeSessions",
  "transcriptionSessions",
  "translationClientSecrets",
  "tokenEndpoints",
  "callRoutes",
];

/** A place in a YAML file; `line` and `column` are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * What went wrong: `io` (unreadable file), `syntax` (not YAML), `schema` (a
 * field the schemas refuse), `reference` (a dangling template name or an
 * unset `${env:NAME}`), `duplicate` (a name or key given twice).
 */
export type ProblemKind = "io" | "syntax" | "schema" | "reference" | "duplicate";

/** One problem found while loading realtime.yaml, with where it is. */
export interface ConfigProblem extends SourceLocation {
  kind: ProblemKind;
  /** Path from the file root, e.g. `templates.concierge.session.audio.output.speed` or `callRoutes.2.template`. */
  path: string;
  /** The entry the problem is in, e.g. `templates.concierge` or `callRoutes.2`. */
  entry?: string;
  /** A full sentence naming the field and, where there is a choice, the allowed values. */
  message: string;
}

/** One entry of a section, as written, with its position and the comments about it. */
export interface ConfigEntry {
  section: Section;
  /** The entry's key; for `callRoutes` its index in the merged list, as a string. */
  name: string;
  /** The entry after `${env:NAME}` substitution; `${secret:NAME}` stays as written. */
  value: unknown;
  /** Position of the entry's key (or, for a route, its list item). */
  location: SourceLocation;
  /** Comment lines directly above the entry's key and the one trailing on its line, without `#`, trimmed. */
  comments: string[];
  /** Position of a field under the entry, or of its nearest ancestor that exists. */
  locate(path: ReadonlyArray<string | number>): SourceLocation;
}
