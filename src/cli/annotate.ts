/**
 * `--annotate OUT.xlsx`: a copy of the workbook with the marks the add-in would add. The cell each error/warning
 * names first gets a fill (red for error, amber for warning) and a note with message, expected and actual; the other
 * cells the finding read get a lighter tint. Values, formulas and existing notes are kept (notes are appended to).
 */
import fsSync, { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import { parseA1 } from "../core/address";
import type { Finding, FindingCell } from "../core/finding";
import { compareFindings } from "../core/finding";
import { say, severityLabel, type Lang } from "./bilingual";
import { loadExcelWorkbook } from "./xlsx-grid";

/** ARGB fills, strongest first: Excel's own "Bad"/"Neutral" styles for named cells, pale tints for cells read. */
export const MARK_FILLS = {
  errorCell: "FFFFC7CE",
  warningCell: "FFFFEB9C",
  errorRead: "FFFDEDEF",
  warningRead: "FFFFF8E1",
} as const;

type Mark = keyof typeof MARK_FILLS;
const MARK_STRENGTH: Record<Mark, number> = { errorCell: 4, warningCell: 3, errorRead: 2, warningRead: 1 };

export interface AnnotateOptions {
  lang?: Lang;
  /** Replace an existing regular file at `output` (`--force`); without it an existing file is never written. */
  overwrite?: boolean;
}

export interface AnnotateSummary {
  /** Cells that received a fill. */
  marked: number;
  /** Cells that received (or had appended) a note. */
  noted: number;
  /** Finding cells that name a sheet or address not in the workbook. */
  skipped: FindingCell[];
}

/**
 * Why `output` must not be written, or null. An existing file needs `overwrite` (`--force`); a FIFO, folder or device
 * is refused even then (writing to a FIFO would hang, and "overwriting" a folder is never meant). Checked before the
 * workbook is read so a refusal costs nothing; annotateWorkbook also opens with O_EXCL, so a file appearing in between
 * is not clobbered either.
 */
export function annotateOutputProblem(output: string, overwrite: boolean): { zh: string; en: string } | null {
  let stat: fsSync.Stats;
  try {
    stat = fsSync.statSync(output);
  } catch {
    return null; // absent (or unreadable: the write will say why)
  }
  if (!stat.isFile())
    return { zh: `${output} 已存在且不是普通文件，不能写入`, en: `${output} exists and is not a regular file; not written` };
  if (!overwrite) return { zh: `${output} 已存在；加 --force 覆盖`, en: `${output} already exists; add --force to overwrite it` };
  return null;
}

/** Reads `input`, marks it and writes `output`. Never touches `input` (the caller refuses output === input). */
export async function annotateWorkbook(
  input: string,
  output: string,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Promise<AnnotateSummary> {
  const wb = await loadExcelWorkbook(input);
  const summary = annotateExcelWorkbook(wb, findings, options);
  const data = await wb.xlsx.writeBuffer();
  // "wx": never replace a file that appeared since the caller's check, unless asked to.
  await fs.writeFile(output, Buffer.from(data as ArrayBuffer), { flag: options.overwrite ? "w" : "wx" });
  return summary;
}

/** Marks a loaded workbook in memory. */
export function annotateExcelWorkbook(
  wb: ExcelJS.Workbook,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): AnnotateSummary {
  const lang = options.lang ?? "both";
  const marks = new Map<string, { cell: ExcelJS.Cell; mark: Mark }>();
  const notes = new Map<string, { cell: ExcelJS.Cell; findings: Finding[] }>();
  const skipped: FindingCell[] = [];

  const resolve = (ref: FindingCell): ExcelJS.Cell | null => {
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) return null;
    let rc: { row: number; col: number };
    try {
      rc = parseA1(ref.address);
    } catch {
      return null;
    }
    // A mark on a covered cell of a merged area belongs on the area's top-left cell, which Excel shows.
    return ws.getCell(rc.row + 1, rc.col + 1).master;
  };
  const key = (cell: ExcelJS.Cell) => `${cell.worksheet.name}!${cell.address}`;
  const mark = (cell: ExcelJS.Cell, m: Mark) => {
    const k = key(cell);
    const had = marks.get(k);
    if (!had || MARK_STRENGTH[m] > MARK_STRENGTH[had.mark]) marks.set(k, { cell, mark: m });
  };

  for (const f of [...findings].sort(compareFindings)) {
    if (f.severity === "info") continue;
    f.cells.forEach((ref, i) => {
      const cell = resolve(ref);
      if (!cell) {
        skipped.push(ref);
        return;
      }
      if (i === 0) {
        mark(cell, f.severity === "error" ? "errorCell" : "warningCell");
        const k = key(cell);
        const entry = notes.get(k) ?? { cell, findings: [] };
        entry.findings.push(f);
        notes.set(k, entry);
      } else {
        mark(cell, f.severity === "error" ? "errorRead" : "warningRead");
      }
    });
  }

  for (const { cell, mark: m } of marks.values()) {
    // Style objects are shared between cells loaded with the same style: replace, never mutate in place.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILLS[m] } },
    };
  }
  for (const { cell, findings: fs } of notes.values()) appendNote(cell, noteText(fs, lang));

  return { marked: marks.size, noted: notes.size, skipped };
}

export function noteText(findings: readonly Finding[], lang: Lang): string {
  const header = say(lang, "预算表检查", "Budget table check");
  const blocks = findings.map((f, i) => {
    const lines = [`${findings.length > 1 ? `${i + 1}. ` : ""}[${severityLabel(lang, f.severity)}]`];
    if (lang !== "en") lines.push(f.message);
    if (lang !== "zh") lines.push(f.messageEn);
    if (f.expected !== undefined) lines.push(`${say(lang, "应为", "expected", " ")}: ${f.expected}`);
    if (f.actual !== undefined) lines.push(`${say(lang, "实为", "actual", " ")}: ${f.actual}`);
    return lines.join("\n");
  });
  return `${header}\n${blocks.join("\n\n")}`;
}

/** Keeps whatever note the user wrote (plain or rich) and adds ours after it. */
function appendNote(cell: ExcelJS.Cell, text: string): void {
  const existing = cell.note as string | ExcelJS.Comment | undefined;
  if (!existing) {
    cell.note = text;
    return;
  }
  if (typeof existing === "string") {
    cell.note = `${existing}\n\n${text}`;
    return;
  }
  cell.note = { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${text}` }] };
}

/** Plain text of a cell's note, for tests and for the CLI summary. */
export function noteToText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}
