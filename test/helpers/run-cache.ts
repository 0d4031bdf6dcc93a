// Work that every test file of one run may need but that only one should
// do: `npm pack` of this clone, an `npm install` of that tarball. The first
// worker to ask builds it in the run's folder (the global setup makes one
// and removes it after the run); the others wait for its marker and reuse it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The environment variable naming the run's shared folder (set by the global setup). */
export const RUN_DIR_ENV = "POR_TEST_RUN_DIR";

const WAIT_MS = 15 * 60_000;
const inWorker = new Map<string, Promise<string>>();
let fallbackDir: string | undefined;

function runDir(): string {
  const dir = process.env[RUN_DIR_ENV];
  if (dir !== undefined && fs.existsSync(dir)) return dir;
  // A file run outside `vitest` (or with the folder gone): this process only.
  fallbackDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "por-run-"));
  return fallbackDir;
}

async function buildOrWait(dir: string, make: (dir: string) => Promise<void>): Promise<string> {
  const done = `${dir}.done`;
  const failed = `${dir}.failed`;
  try {
    fs.mkdirSync(`${dir}.lock`);
  } catch {
    // Another worker builds it: wait for its marker.
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      if (fs.existsSync(done)) return dir;
      if (fs.existsSync(failed)) throw new Error(`${path.basename(dir)} failed in another test file: ${fs.readFileSync(failed, "utf8")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${path.basename(dir)}: another test file started it and did not finish within ${WAIT_MS / 1000} s`);
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    await make(dir);
    fs.writeFileSync(done, "");
    return dir;
  } catch (err) {
    fs.writeFileSync(failed, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/**
 * Runs `make` once per test run for `key` (a file name), across workers, and
 * returns the folder it filled.
 *
 * @example
 * const dir = await oncePerRun("pack-current", async (d) => { await pack(repoRoot, d); });
 */
export function oncePerRun(key: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(runDir(), key);
  let pending = inWorker.get(dir);
  if (pending === undefined) {
    pending = buildOrWait(dir, make);
    inWorker.set(dir, pending);
  }
  return pending;
}
