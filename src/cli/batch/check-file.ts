/**
 * Checks one file of a batch: the same reading and the same engine call as the single-file CLI (readXlsxFile, the
 * engine with the bundled catalogue or the one the --catalogue lists make), plus the extract the cross-workbook rules
 * need. Runs in a pool worker or in
 * this thread; never throws: an unreadable file is an outcome, so one bad file never stops the others.
 */
import type { TableSummary, Finding } from "../../core/finding";
import type { CheckOptions } from "../../core/engine";
import { checkWorkbookWithTables } from "../../core/engine";
import type { Catalogue } from "../../core/catalogue";
import type { RuleProfile } from "../../core/profiles";
import { extractWorkbook, type WorkbookExtract } from "../../core/workbooks";
import { jsonReport } from "../report-json";
import { WorkbookReadError } from "../../xlsx/read-error";
import { readXlsxFile } from "../../xlsx/read-file";

/** What a worker is sent: plain data (structured-cloned into the worker). */
export interface FileTask {
  path: string;
  file: string;
  year?: number;
  profile?: RuleProfile;
}

export interface CheckedFile {
  file: string;
  tables: TableSummary[];
  findings: Finding[];
  /** For the cross-workbook rules; written to the JSON only by a sharded run (merge needs it). */
  workbook?: WorkbookExtract;
}

export interface UnreadableFile {
  file: string;
  error: string;
}

export type FileOutcome = CheckedFile | UnreadableFile;

export function isUnreadable(o: FileOutcome): o is UnreadableFile {
  return "error" in o;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** `catalogue`: built once per thread by the caller (pool.ts, check-worker.ts), not per file. */
export async function checkFile(task: FileTask, catalogue: Catalogue): Promise<FileOutcome> {
  let grid;
  try {
    grid = await readXlsxFile(task.path);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file: task.file, error: oneLine(e.message) };
    const msg = oneLine(e instanceof Error ? e.message : String(e));
    return { file: task.file, error: `读取文件 ${task.file} 时出错：${msg} / Error while reading ${task.file}: ${msg}` };
  }
  try {
    const options: CheckOptions = { catalogue };
    if (task.year !== undefined) options.year = task.year;
    if (task.profile) options.profile = task.profile;
    const { result, tables } = checkWorkbookWithTables(grid, options);
    const { tables: summaries } = jsonReport(task.file, result);
    return { file: task.file, tables: summaries, findings: result.findings, workbook: extractWorkbook(grid, tables) };
  } catch (e) {
    const msg = oneLine(e instanceof Error ? e.message : String(e));
    return { file: task.file, error: `检查 ${task.file} 时发生内部错误：${msg} / Internal error while checking ${task.file}: ${msg}` };
  }
}
