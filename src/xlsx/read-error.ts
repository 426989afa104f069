/**
 * The one error a file that cannot be read gives: a one-line zh-CN + English message naming the file (and, where it
 * helps, the part, sheet or cell), never a stack trace. Shared by the CLI and the browser preview, so no Node imports.
 */

export type ReadFailure =
  | "not-found"
  | "not-a-file"
  | "empty"
  | "encrypted"
  | "xls"
  | "xlsb"
  | "ods"
  | "not-zip"
  | "corrupt"
  | "not-xlsx"
  | "no-sheets"
  | "missing-part"
  | "broken-part"
  | "too-large"
  | "io";

const REASONS: Record<ReadFailure, { zh: string; en: string }> = {
  "not-found": { zh: "文件不存在", en: "file not found" },
  "not-a-file": { zh: "不是文件", en: "not a file" },
  empty: { zh: "文件为空", en: "the file is empty" },
  encrypted: {
    zh: "文件受密码保护或是旧版 .xls 格式，请在 Excel 中取消密码或另存为 .xlsx",
    en: "the file is password-protected or an old .xls file; remove the password or save it as .xlsx in Excel",
  },
  xls: {
    zh: "这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx",
    en: "this is an old .xls file; save it as .xlsx in Excel",
  },
  xlsb: {
    zh: "这是二进制 .xlsb 格式，请在 Excel 中另存为 .xlsx",
    en: "this is a binary .xlsb workbook; save it as .xlsx in Excel",
  },
  ods: {
    zh: "这是 OpenDocument（.ods）表格，请另存为 .xlsx",
    en: "this is an OpenDocument (.ods) spreadsheet; save it as .xlsx",
  },
  "not-zip": { zh: "不是有效的 .xlsx 文件", en: "not a valid .xlsx file" },
  corrupt: { zh: "文件已损坏、不完整或无法解析", en: "the file is corrupt, truncated or could not be parsed" },
  "not-xlsx": { zh: "不是 Excel 工作簿（.xlsx）", en: "not an Excel workbook (.xlsx)" },
  "no-sheets": { zh: "工作簿中没有工作表", en: "the workbook has no sheets" },
  "missing-part": { zh: "文件不完整，缺少部件", en: "the file is incomplete: a part is missing" },
  "broken-part": { zh: "文件已损坏，部件内容无法解析", en: "the file is damaged: a part cannot be parsed" },
  "too-large": { zh: "文件超出可检查的大小上限", en: "the file is over the size this checker reads" },
  io: { zh: "无法读取", en: "the file could not be read" },
};

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly file: string,
    readonly reason: ReadFailure,
    /** Underlying library message, kept for debugging only (never printed by default). */
    readonly detail?: string,
    /** Which part, sheet or cell, in the message (e.g. `xl/worksheets/sheet2.xml（支出表）`); one line. */
    readonly where?: string,
  ) {
    super(readErrorMessage(file, reason, where));
  }
}

export function readErrorMessage(file: string, reason: ReadFailure, where?: string): string {
  // A path that leads to no file is shown as given, in full (the CLI passes it resolved from where the user ran
  // it), so they see where it was looked for; otherwise the name is enough.
  const base = reason === "not-found" || reason === "not-a-file" ? file : baseName(file) || file;
  const r = REASONS[reason];
  const at = where ? oneLine(where) : "";
  return at
    ? `无法读取文件 ${base}：${r.zh}（${at}）/ Cannot read ${base}: ${r.en} (${at})`
    : `无法读取文件 ${base}：${r.zh} / Cannot read ${base}: ${r.en}`;
}

function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return i >= 0 ? file.slice(i + 1) : file;
}

/** Part names and sheet names come from the file: keep the message one short line whatever they hold. */
function oneLine(s: string): string {
  const flat = s.replace(/[\r\n\t\u2028\u2029]+/g, " ");
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
