/** The pool worker: one task = one file, checked exactly as in this thread (check-file.ts). */
import { checkFile, type FileOutcome, type FileTask } from "./check-file";

export default function run(task: FileTask): Promise<FileOutcome> {
  return checkFile(task);
}
