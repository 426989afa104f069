/**
 * `--catalogue FILE` for the CLI: reads an official code list (.xlsx, or .csv in UTF-8/GBK) each run. Every failure is
 * a CodeListFileError with one line naming the file.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { CodeListError, parseCodeListBytes, type ParsedCodeList } from "../core/catalogue/import-list";
import type { ImportedList } from "../core/catalogue/types";
import { WorkbookReadError } from "./workbook-read-error";
import { readXlsxBuffer } from "./xlsx-grid";

export class CodeListFileError extends Error {
  override readonly name = "CodeListFileError";
}

export async function readCodeListFile(file: string): Promise<ParsedCodeList> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const zh = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "不是文件" : "无法读取";
    const en = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "not a file" : "the file could not be read";
    throw new CodeListFileError(`无法读取科目表 ${name}：${zh} / Cannot read the code list ${name}: ${en}`);
  }
  try {
    return await parseCodeListBytes(bytes, name, readXlsxBuffer);
  } catch (e) {
    if (e instanceof CodeListError) throw new CodeListFileError(`科目表无法使用：${e.message}`);
    if (e instanceof WorkbookReadError) throw new CodeListFileError(e.message.replace(/\s*\n\s*/g, " "));
    throw e;
  }
}

/** The lists of `--catalogue` files, for `year` (undefined = whatever year is checked). */
export async function readCodeLists(files: readonly string[], year: number | undefined, cwd = process.cwd()): Promise<ImportedList[]> {
  const out: ImportedList[] = [];
  for (const file of files) {
    const parsed = await readCodeListFile(path.resolve(cwd, file));
    out.push({ source: parsed.source, ...(year !== undefined ? { year } : {}), codes: parsed.codes });
  }
  return out;
}
