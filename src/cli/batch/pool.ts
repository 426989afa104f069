/**
 * Checks many files, `jobs` at a time: in this thread for one job (no worker start-up), else in a piscina pool of
 * worker threads. Results come back in input order whatever order they finish in.
 *
 * The worker file: a built `check-worker.js` next to this module when the CLI is bundled (the bundler must emit it
 * as its own entry, src/cli/batch/check-worker.ts), else `check-worker-tsx.mjs`, which registers tsx first.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Piscina as PiscinaPool } from "piscina";
import type { ImportedList } from "../../core/catalogue";
import { getCatalogueSync } from "../../core/catalogue/sync";
import { checkFile, type FileOutcome, type FileTask } from "./check-file";

/** What every worker is started with: the --catalogue lists, parsed once in the main thread (plain, cloneable data). */
export interface WorkerData {
  imported: readonly ImportedList[];
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

export function workerFile(dir = __dirname): string {
  const built = path.join(dir, "check-worker.js");
  return fs.existsSync(built) ? built : path.join(dir, "check-worker-tsx.mjs");
}

export type CheckFiles = (
  tasks: readonly FileTask[],
  jobs: number,
  onDone: (done: number, last: FileOutcome) => void,
  imported?: readonly ImportedList[],
) => Promise<FileOutcome[]>;

export const checkFiles: CheckFiles = async (tasks, jobs, onDone, imported = []) => {
  let done = 0;
  const finished = (o: FileOutcome): FileOutcome => {
    onDone(++done, o);
    return o;
  };
  if (jobs <= 1 || tasks.length <= 1) {
    const catalogue = getCatalogueSync(imported);
    const out: FileOutcome[] = [];
    for (const t of tasks) out.push(finished(await checkFile(t, catalogue)));
    return out;
  }
  const threads = Math.min(jobs, tasks.length);
  const workerData: WorkerData = { imported };
  // Loaded only for a pool: a single file (the common case) does not pay for piscina's start-up. Required, not
  // import()ed: the bin runs the bundle as a vm script (src/cli/code-cache.ts), where node 20 offers no import().
  const { Piscina } = createRequire(__filename)("piscina") as { Piscina: typeof PiscinaPool };
  const pool = new Piscina<FileTask, FileOutcome>({ filename: workerFile(), workerData, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    return await Promise.all(
      tasks.map((t) =>
        pool.run(t).then(finished, (e: unknown) => {
          const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
          return finished({ file: t.file, error: `检查 ${t.file} 时工作线程出错：${msg} / Worker failed on ${t.file}: ${msg}` });
        }),
      ),
    );
  } finally {
    await pool.destroy();
  }
};
