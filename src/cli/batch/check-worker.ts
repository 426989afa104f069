/**
 * The pool worker: one task = one file, checked exactly as in this thread (check-file.ts). The --catalogue lists come
 * once, as the pool's workerData (read and parsed in the main thread); the catalogue is built once per worker.
 */
import { workerData } from "node:worker_threads";
import type { Catalogue } from "../../core/catalogue";
import { getCatalogueSync } from "../../core/catalogue/sync";
import { checkFile, type FileOutcome, type FileTask } from "./check-file";
import type { WorkerData } from "./pool";

let catalogue: Catalogue | undefined;

export default function run(task: FileTask): Promise<FileOutcome> {
  catalogue ??= getCatalogueSync((workerData as WorkerData | undefined)?.imported ?? []);
  return checkFile(task, catalogue);
}
