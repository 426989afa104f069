/**
 * Which set a workbook is (预算 or 决算), and the 决算 set's document facts: its year and where it came from.
 * A 决算 title rarely carries the year (上海 prints "<unit> 2024 年度部门决算" above the tables, not in them), so the
 * year is taken, in this order, from the titles, a cover sheet (a sheet without tables naming 20xx年度/20xx年), the
 * unit lines, the file name, or the user's setting; document.year-source (info) says which.
 */
import { a1, type Finding, type FindingCell } from "../finding";
import { cellText, sheetColCount, sheetRowCount, type GridWorkbook } from "../grid";
import { isFinalKind } from "../recognise/final-kinds";
import type { RecognisedTable } from "../recognise/types";

export type DisclosureSet = "budget" | "final";

/** The set most of the standard tables belong to; null without standard tables. Ties go to 预算 (the older rules). */
export function disclosureSet(kinds: Iterable<string>): DisclosureSet | null {
  let final = 0;
  let budget = 0;
  for (const k of kinds) {
    if (k === "other") continue;
    if (isFinalKind(k as RecognisedTable["kind"])) final++;
    else budget++;
  }
  if (final === 0 && budget === 0) return null;
  return final > budget ? "final" : "budget";
}

export type YearSource = "title" | "cover" | "unit-line" | "file-name" | "setting";

export interface DocumentYear {
  year: number;
  source: YearSource;
  cell?: FindingCell;
}

const YEAR = /(20\d\d)\s*年/;

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  for (const v of values) {
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (best === undefined || counts.get(v)! > counts.get(best)!) best = v;
  }
  return best;
}

/** A year written on a sheet holding no table: a cover ("中共上海市普陀区委社会工作部 2024 年度部门决算"). */
function coverYear(workbook: GridWorkbook, tables: RecognisedTable[]): DocumentYear | undefined {
  const withTables = new Set(tables.filter((t) => t.kind !== "other").map((t) => t.sheet));
  for (const sheet of workbook.sheets) {
    if (withTables.has(sheet.name)) continue;
    const rows = Math.min(sheetRowCount(sheet), 60);
    const cols = Math.min(sheetColCount(sheet), 20);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const m = YEAR.exec(cellText(sheet, r, c));
        if (m && /决算|年度/.test(cellText(sheet, r, c))) return { year: Number(m[1]), source: "cover", cell: { sheet: sheet.name, row: r, col: c } };
      }
  }
  return undefined;
}

/** The 决算 year, from the first source that states one. */
export function documentYear(tables: RecognisedTable[], workbook: GridWorkbook, setting?: number): DocumentYear | undefined {
  const titled = tables.filter((t) => t.year !== undefined && t.yearCell && t.titleCell && t.yearCell.row === t.titleCell.row);
  const fromTitles = mostCommon(titled.map((t) => t.year!));
  if (fromTitles !== undefined) {
    const t = titled.find((x) => x.year === fromTitles)!;
    return { year: fromTitles, source: "title", cell: { sheet: t.sheet, row: t.yearCell!.row, col: t.yearCell!.col } };
  }
  const cover = coverYear(workbook, tables);
  if (cover) return cover;
  const lined = tables.filter((t) => t.year !== undefined);
  const fromLines = mostCommon(lined.map((t) => t.year!));
  if (fromLines !== undefined) {
    const t = lined.find((x) => x.year === fromLines)!;
    return { year: fromLines, source: "unit-line", cell: t.yearCell ? { sheet: t.sheet, row: t.yearCell.row, col: t.yearCell.col } : undefined };
  }
  const name = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(workbook.name ?? "");
  if (name) return { year: Number(name[1]), source: "file-name" };
  if (setting !== undefined) return { year: setting, source: "setting" };
  return undefined;
}

const SOURCE_TEXT: Record<YearSource, { zh: string; en: string }> = {
  title: { zh: "表标题", en: "the table titles" },
  cover: { zh: "封面", en: "the cover sheet" },
  "unit-line": { zh: "表头的单位行", en: "the unit lines" },
  "file-name": { zh: "文件名", en: "the file name" },
  setting: { zh: "用户设置的年度", en: "your year setting" },
};

/**
 * document.year-source (info) for a 决算 set: the year the set was checked as and where it came from, or that none was
 * found (then the catalogue's latest year is used).
 */
export function yearSourceFindings(tables: RecognisedTable[], workbook: GridWorkbook, setting?: number): Finding[] {
  const standard = tables.filter((t) => t.kind !== "other");
  if (disclosureSet(standard.map((t) => t.kind)) !== "final") return [];
  const y = documentYear(standard, workbook, setting);
  const anchor: FindingCell = standard[0].titleCell
    ? { sheet: standard[0].sheet, row: standard[0].titleCell.row, col: standard[0].titleCell.col }
    : { sheet: standard[0].sheet, row: standard[0].range.top, col: standard[0].range.left };
  if (!y) {
    return [
      {
        rule: "document.year-source",
        severity: "info",
        message: "未找到决算年度（表标题、封面、单位行和文件名都未写明）：科目按最新年度核对；可在设置中指定年度。",
        messageEn: "No year found for this 决算 (not in the titles, a cover sheet, the unit lines or the file name): codes are checked against the latest year; set the year in the settings.",
        cells: [anchor],
      },
    ];
  }
  const src = SOURCE_TEXT[y.source];
  const where = y.source === "file-name" ? `“${workbook.name}”` : y.cell ? ` ${y.cell.sheet}!${a1(y.cell)}` : "";
  return [
    {
      rule: "document.year-source",
      severity: "info",
      message: `决算年度按 ${y.year} 年核对，取自${src.zh}${where}。`,
      messageEn: `This 决算 is checked as year ${y.year}, taken from ${src.en}${where ? ` (${where.trim()})` : ""}.`,
      cells: [y.cell ?? anchor],
      actual: String(y.year),
    },
  ];
}
