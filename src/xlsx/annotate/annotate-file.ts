/**
 * `--annotate`'s file side: read the input (a regular file only), patch it in memory, write the copy to a temporary
 * file beside the output and rename it into place, so a failure never leaves a half-written workbook behind.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Finding } from "../../core/finding";
import { AnnotateError, annotateXlsx, type AnnotateSummary } from "./annotate-xlsx";
import { annotateOutputProblem } from "./output-target";
import { fflateInflate } from "../fflate-inflate";
import { nodeInflateRaw } from "../read-file";

export interface AnnotateFileOptions {
  /** Replace an existing regular file at `output` (`--force`); without it an existing file is never replaced. */
  overwrite?: boolean;
}

/** Reads `input`, marks it and writes `output`. Never touches `input` (the caller refuses output === input). */
export async function annotateWorkbook(
  input: string,
  output: string,
  findings: readonly Finding[],
  options: AnnotateFileOptions = {},
): Promise<AnnotateSummary> {
  await requireRegularFile(input, "input", true);
  const problem = annotateOutputProblem(output, options.overwrite ?? false);
  if (problem) throw new AnnotateError(problem.en);
  const { data, summary } = annotateXlsx(await fs.readFile(input), findings, {
    deflateRaw: (d) => zlib.deflateRawSync(d),
    inflaters: { raw: nodeInflateRaw, stream: fflateInflate },
    output: path.basename(output),
  });
  const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    if (options.overwrite) await fs.rename(temp, output);
    else await moveIntoPlaceIfAbsent(temp, output);
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
 * rename() replaces silently; link() fails with EEXIST, so a file created since the check is kept. Where hard links
 * are not supported (some network shares), the check just made has to do.
 */
async function moveIntoPlaceIfAbsent(temp: string, output: string): Promise<void> {
  try {
    await fs.link(temp, output);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new AnnotateError(`${output} already exists; add --force to overwrite it`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw e;
    await fs.rename(temp, output);
    return;
  }
  await fs.rm(temp, { force: true });
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
