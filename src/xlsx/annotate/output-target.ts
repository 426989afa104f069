/**
 * The one check of `--annotate`'s output the CLI makes before reading anything, in a module of its own so a run
 * without `--annotate` never loads the patching code (src/cli/run-check.ts imports that only when asked to annotate).
 */
import fsSync from "node:fs";

/**
 * Why `output` must not be written, or null: an existing file needs `overwrite` (`--force`); a FIFO, device or folder
 * is refused even then (renaming over a folder or a device is never what the user meant). The CLI asks before
 * reading anything, so a refusal costs nothing; annotateWorkbook asks again and never replaces a file that appeared
 * in between without `overwrite`.
 */
export function annotateOutputProblem(output: string, overwrite: boolean): { zh: string; en: string } | null {
  let stat: fsSync.Stats;
  try {
    stat = fsSync.statSync(output);
  } catch {
    return null; // absent (or unreachable: writing will say why)
  }
  if (!stat.isFile())
    return {
      zh: `输出文件 ${output} 不是普通文件（FIFO、设备或文件夹），未写入`,
      en: `the output ${output} is not a regular file (a FIFO, device or folder)`,
    };
  if (!overwrite) return { zh: `${output} 已存在；加 --force 覆盖`, en: `${output} already exists; add --force to overwrite it` };
  return null;
}

