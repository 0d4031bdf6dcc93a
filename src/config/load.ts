import { checkEntry, checkTemplateReferences } from "./check";
import { collectEntries } from "./entries";
import { parseFile, type ParsedFile } from "./parse-file";
import type { RealtimeConfig } from "./schema";
import { configFiles } from "./source";
import type { ConfigEntry, ConfigProblem, Section } from "./types";

/** Options of {@link loadRealtimeConfig}. */
export interface LoadOptions {
  /** Variables for `${env:NAME}`. @default process.env */
  env?: Record<string, string | undefined>;
  /** Also load `<dir>/realtime.d/*.yaml` beside a realtime.yaml. @default true */
  includeDir?: boolean;
}

/** What {@link loadRealtimeConfig} found. */
export interface LoadedConfig {
  /** Files read: each given file, then its `realtime.d/*.yaml` in name order. */
  files: string[];
  /**
   * The merged config of the entries that passed their schema (an entry with
   * a problem is left out, never put in as written); complete and
   * consistent only when `problems` is empty.
   */
  config: RealtimeConfig;
  /** Every entry, in file order, with positions and comments. */
  entries: ConfigEntry[];
  /** Everything wrong, in file and line order. */
  problems: ConfigProblem[];
}

/**
 * Loads realtime.yaml (plus realtime.d/*.yaml beside it), substitutes
 * `${env:NAME}`, and validates every entry with the package's schemas.
 * Never throws for bad input: unreadable files and YAML syntax errors are
 * problems like any other, each with file, line and column.
 *
 * @example
 * const { config, problems } = loadRealtimeConfig("realtime.yaml");
 * for (const p of problems) console.error(`${p.file}:${p.line}:${p.column} ${p.message}`);
 */
export function loadRealtimeConfig(paths: string | readonly string[], options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const problems: ConfigProblem[] = [];
  const { files, missing } = configFiles(paths, options.includeDir ?? true);
  for (const { file, message } of missing) problems.push({ kind: "io", file, line: 1, column: 1, path: "", message });

  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const result = parseFile(file, env, problems);
    if (result) parsed.push(result);
  }
  const entries = collectEntries(parsed, problems);
  const config: Record<string, unknown> = {};
  for (const entry of entries) {
    const value = checkEntry(entry, problems);
    if (value !== undefined) addTo(config, entry.section, entry.name, value);
  }
  checkTemplateReferences(entries, problems);
  problems.sort(
    (a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column,
  );
  return { files, config: config as RealtimeConfig, entries, problems };
}

function addTo(config: Record<string, unknown>, section: Section, name: string, value: unknown): void {
  if (section === "callRoutes") {
    const routes = (config[section] ??= []) as unknown[];
    routes.push(value);
    return;
  }
  const entries = (config[section] ??= {}) as Record<string, unknown>;
  entries[name] = value;
}
