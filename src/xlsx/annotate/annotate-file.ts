/**
 * `--annotate`'s file side: read the input (a regular file only), patch it in memory, write the copy to a temporary
 * file beside the output and rename it into place, so a failure never leaves a half-written workbook behind.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Finding } from "../../core/finding";
import { AnnotateError, annotateXlsx, type AnnotateSummary } from "./annotate-xlsx";

/** Reads `input`, marks it and writes `output`. Never touches `input` (the caller refuses output === input). */
export async function annotateWorkbook(input: string, output: string, findings: readonly Finding[]): Promise<AnnotateSummary> {
  await requireRegularFile(input, "input", true);
  await requireRegularFile(output, "output", false);
  const { data, summary } = annotateXlsx(await fs.readFile(input), findings, (d) => zlib.deflateRawSync(d));
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // Name the folder, not our temporary file, in the one-line message.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOSPC")
      throw new AnnotateError(`cannot write in ${path.dirname(output)} (${code})`);
    throw e;
  }
  return summary;
}

/**
 * A FIFO, a device or a folder is refused before anything is read or written: reading a FIFO blocks, and renaming
 * over a folder or a device is never what the user meant.
 */
async function requireRegularFile(file: string, role: "input" | "output", mustExist: boolean): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if (!mustExist && (e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if (!stat.isFile()) throw new AnnotateError(`the ${role} ${file} is not a regular file (a FIFO, device or folder)`);
}
