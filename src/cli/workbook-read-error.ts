/**
 * The one error the CLI shows for a file it cannot open: a one-line zh-CN + English message, never a stack trace.
 */
import path from "node:path";

export type ReadFailure =
  "not-found" | "not-a-file" | "empty" | "encrypted" | "not-zip" | "corrupt" | "not-xlsx" | "no-sheets" | "io";

const REASONS: Record<ReadFailure, { zh: string; en: string }> = {
  "not-found": { zh: "文件不存在", en: "file not found" },
  "not-a-file": { zh: "不是文件", en: "not a file" },
  empty: { zh: "文件为空", en: "the file is empty" },
  encrypted: {
    zh: "文件受密码保护或是旧版 .xls 格式，请在 Excel 中取消密码或另存为 .xlsx",
    en: "the file is password-protected or an old .xls file; remove the password or save it as .xlsx in Excel",
  },
  "not-zip": { zh: "不是有效的 .xlsx 文件", en: "not a valid .xlsx file" },
  // exceljs also fails on some valid but unusual files, so do not claim more than "could not be parsed".
  corrupt: { zh: "文件已损坏、不完整或无法解析", en: "the file is corrupt, truncated or could not be parsed" },
  "not-xlsx": { zh: "不是 Excel 工作簿（.xlsx）", en: "not an Excel workbook (.xlsx)" },
  "no-sheets": { zh: "工作簿中没有工作表", en: "the workbook has no sheets" },
  io: { zh: "无法读取", en: "the file could not be read" },
};

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly file: string,
    readonly reason: ReadFailure,
    /** Underlying library message, kept for debugging only (never printed by default). */
    readonly detail?: string,
  ) {
    super(readErrorMessage(file, reason));
  }
}

export function readErrorMessage(file: string, reason: ReadFailure): string {
  // A path that does not lead to a file is shown in full, resolved, so the user sees where it was looked for (a
  // relative path is resolved from where they ran the command); otherwise the name is enough.
  const base =
    reason === "not-found" || reason === "not-a-file" ? path.resolve(file) : path.basename(file) || file;
  const r = REASONS[reason];
  return `无法读取文件 ${base}：${r.zh} / Cannot read ${base}: ${r.en}`;
}
