/**
 * The kinds of SpreadsheetML package the reader takes and the file-name extension each must have: Excel refuses to
 * open a copy whose name says another kind ("the file format or extension is not valid"), so an annotated .xlsm is
 * written as .xlsm, its macros untouched.
 */
const KINDS: Record<string, { extension: string; zh: string; en: string }> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": { extension: ".xlsx", zh: "工作簿", en: "a workbook" },
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": { extension: ".xlsm", zh: "启用宏的工作簿", en: "a macro-enabled workbook" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": { extension: ".xltx", zh: "模板", en: "a template" },
  "application/vnd.ms-excel.template.macroEnabled.main+xml": { extension: ".xltm", zh: "启用宏的模板", en: "a macro-enabled template" },
};

/** The file-name extensions of those kinds, for an output name's first check. */
export const WORKBOOK_EXTENSIONS: readonly string[] = Object.values(KINDS).map((k) => k.extension);

export function hasWorkbookExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return WORKBOOK_EXTENSIONS.some((e) => lower.endsWith(e));
}

/**
 * Why a copy of a package whose workbook part has `contentType` must not be named `output`, or null (also for a type
 * not listed: nothing is known against the name).
 */
export function extensionProblem(contentType: string | undefined, output: string): { zh: string; en: string } | null {
  const kind = contentType ? KINDS[contentType.trim()] : undefined;
  if (!kind || output.toLowerCase().endsWith(kind.extension)) return null;
  const dot = output.lastIndexOf(".");
  const suggested = `${dot > output.lastIndexOf("/") && dot > output.lastIndexOf("\\") ? output.slice(0, dot) : output}${kind.extension}`;
  return {
    zh: `该文件是${kind.zh}，副本须以 ${kind.extension} 结尾（如 ${suggested}），否则 Excel 无法打开`,
    en: `the file is ${kind.en}: name the copy ${kind.extension} (e.g. ${suggested}), or Excel will not open it`,
  };
}
