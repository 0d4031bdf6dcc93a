import * as fs from "node:fs";
import * as path from "node:path";

/** The file realtime.yaml is looked up as when a directory is given. */
export const DEFAULT_CONFIG_FILE = "realtime.yaml";

const YAML_FILE = /\.ya?ml$/;

/** Files to load and the paths that could not be used. */
export interface ConfigFiles {
  files: string[];
  missing: { file: string; message: string }[];
}

/**
 * The files a config is made of: each given file (a directory stands for its
 * realtime.yaml), then, with `includeDir`, the `*.yaml` / `*.yml` files (not
 * dotfiles) of the
 * `<name>.d/` folder beside each (realtime.yaml -> realtime.d/), in name order.
 *
 * @example
 * configFiles("realtime.yaml", true).files; // ["realtime.yaml", "realtime.d/10-routes.yaml"]
 */
export function configFiles(paths: string | readonly string[], includeDir: boolean): ConfigFiles {
  const given = typeof paths === "string" ? [paths] : [...paths];
  const files: string[] = [];
  const missing: ConfigFiles["missing"] = [];
  const add = (file: string): void => {
    if (!files.some((known) => path.resolve(known) === path.resolve(file))) files.push(file);
  };
  for (const entry of given) {
    const file = isDirectory(entry) ? path.join(entry, DEFAULT_CONFIG_FILE) : entry;
    if (!fs.existsSync(file)) {
      missing.push({ file, message: `Cannot read '${file}': no such file.` });
      continue;
    }
    add(file);
    if (!includeDir) continue;
    const dir = path.join(path.dirname(file), `${path.basename(file).replace(YAML_FILE, "")}.d`);
    if (!isDirectory(dir)) continue;
    const parts = fs
      .readdirSync(dir)
      // Hidden and editor files (`.#lock.yaml`, `.draft.yaml`) are not part of the config.
      .filter((name) => !name.startsWith(".") && YAML_FILE.test(name) && !isDirectory(path.join(dir, name)))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of parts) add(path.join(dir, name));
  }
  return { files, missing };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
