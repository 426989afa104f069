/** Builds a RecognisedTable from a segment: kind, year/unit, columns, rows with codes and their hierarchy. */
import type { CellRef } from "../address";
import { MergeIndex, cellNumberFormat, cellText, cellValue, type GridSheet } from "../grid";
import { amountKind, displayedDecimals } from "../money";
import { classifyCode, firstDigitOf, levelDepth } from "../codes/classify";
import { codeDigits, normaliseLabel, parseOrdinalLabel, splitCodeAndName } from "../text";
import { assignSides, headerText, isComparisonLabel, isNoteOrCheckLabel, recogniseColumns } from "./columns";
import { BUDGET_KIND_OF, decideSet, isFinalKind, titleSet } from "./final-kinds";
import { findPanels, readPanelRows } from "./final-panels";
import { kindFromHeader, kindFromTitle, looksLikeTitle } from "./kinds";
import type { Segment } from "./segment";
import type { Classification, CodeInfo, RecognisedColumn, RecognisedRow, RecognisedTable, SideRows, TableKind } from "./types";

const TOTAL_LABEL = /^(合计|总计|总合计|本年合计|支出合计|收入合计|全部合计|合\s*计)$/;
const STRONG_EMPTY_STATEMENT = /空表列示|本表无数据|此表无数据|故本表为空表|本表为空表/;
/** The template's instruction to write a statement ("无…的，仍保留该表格式，并在本表下方作下述说明：") is not one. */
const INSTRUCTION = /仍保留该表格式|作下述说明/;
const EMPTY_STATEMENT = /空表|无数据|无此项|无.{0,20}(安排|预算|支出|收入|经费)|此表无|本表无|故此表/;

/** Kinds whose headers look alike, which only a title tells apart (the fund tables look like the 一般公共预算 one). */
const ALIKE: readonly (readonly TableKind[])[] = [
  ["general-expenditure", "fund-expenditure", "state-capital-expenditure", "expenditure", "project-expenditure"],
  ["summary", "fiscal-summary"],
  ["basic-expenditure", "economic-summary"],
];
/** 决算 fund tables carry 年初结转 | 本年收入 | 本年支出 | 年末结转 columns: their header reads as a two-sided one. */
const ALIKE_IN_FINAL: readonly (readonly TableKind[])[] = [["summary", "fund-expenditure", "state-capital-expenditure"]];

/**
 * The kind from the title, else from the header. Without a title row (the title in a text box), a sheet named like a
 * title (政府性基金支出表) says what the header cannot, as long as the header agrees with it.
 */
function kindOf(seg: Segment, header: string, sheetTitle: string | undefined): TableKind {
  if (seg.title) return decideSet(kindFromTitle(seg.title) ?? kindFromHeader(header), seg.title, header) ?? "other";
  const fromHeader = kindFromHeader(header);
  const named = sheetTitle && looksLikeTitle(sheetTitle) ? kindFromTitle(sheetTitle) : null;
  const alike = titleSet(sheetTitle ?? "") === "final" ? [...ALIKE, ...ALIKE_IN_FINAL] : ALIKE;
  const agrees = named !== null && (fromHeader === null || fromHeader === named || alike.some((g) => g.includes(named) && g.includes(fromHeader)));
  return (agrees ? decideSet(named, sheetTitle ?? "", header) : decideSet(fromHeader, "", header)) ?? "other";
}

/** `sheetTitle`: the sheet's name when the segment is the sheet's only table (a hint for an untitled one). */
export function recogniseSegment(sheet: GridSheet, merges: MergeIndex, seg: Segment, index: number, sheetTitle?: string): RecognisedTable {
  const header = headerText(sheet, seg);
  const columns = recogniseColumns(sheet, merges, seg);
  const kind = kindOf(seg, header, sheetTitle);
  const base = isFinalKind(kind) ? BUDGET_KIND_OF[kind] : kind;
  const meta = readMeta(sheet, seg);
  const table: RecognisedTable = {
    id: `${sheet.name}#${index}`,
    sheet: sheet.name,
    kind,
    title: seg.title || header.replace(/\s+/g, " ").trim().slice(0, 40),
    range: { top: seg.top, left: seg.left, bottom: seg.bottom, right: seg.right },
    headerRows: seg.headerRows,
    bodyRange: {
      top: seg.bodyRows[0] ?? (seg.lanciRow ?? seg.headerRows[seg.headerRows.length - 1] ?? seg.top) + 1,
      bottom: seg.bodyRows[seg.bodyRows.length - 1] ?? seg.lanciRow ?? seg.headerRows[seg.headerRows.length - 1] ?? seg.top,
    },
    repeatedHeaderRows: seg.repeatedRows,
    year: meta.year,
    unit: meta.unit,
    unitName: meta.unitName,
    columns,
    rows: [],
    empty: false,
  };
  for (const key of ["titleCell", "yearCell", "unitCell", "unitNameCell"] as const) if (meta[key]) table[key] = meta[key];
  // The statement itself ("…故本表无数据") before an instruction that merely mentions one ("无…的，仍保留该表格式").
  const statementRow =
    seg.noteRows.find((r) => STRONG_EMPTY_STATEMENT.test(rowText(sheet, r))) ??
    seg.noteRows.find((r) => EMPTY_STATEMENT.test(rowText(sheet, r)) && !INSTRUCTION.test(rowText(sheet, r)));
  if (statementRow !== undefined) {
    table.emptyStatement = rowText(sheet, statementRow);
    table.emptyStatementCell = cellOfRow(sheet, statementRow, (t) => EMPTY_STATEMENT.test(t));
  }

  const panels = kind === "final-basic-expenditure" ? findPanels(columns) : [];
  if (base === "summary" || base === "fiscal-summary") {
    if (assignSides(columns)) table.sides = readSides(sheet, seg, columns);
  } else if (panels.length) {
    table.panels = panels;
    table.rows = readPanelRows(sheet, seg, panels);
  } else if (base === "three-public" && columns.some((c) => c.role === "amount" && /因公出国|公务接待|公务用车/.test(c.path.join("/")))) {
    table.itemsAsColumns = true;
    table.rows = readItemRows(sheet, seg, columns);
  } else if (kind !== "other") {
    table.rows = readRows(sheet, seg, columns, kind, meta.unitName);
    linkHierarchy(table.rows);
  }
  const hasAmounts = seg.bodyRows.some((r) =>
    columns.some((c) => c.role === "amount" && amountKind(cellValue(sheet, r, c.col)) !== "empty"),
  );
  table.empty = !hasAmounts;
  const decimals = shownDecimals(sheet, seg.bodyRows, columns);
  if (decimals !== undefined) table.decimals = decimals;
  return table;
}

/** Rows sampled for the displayed precision: formats are set per column or table, rarely per cell. */
const PRECISION_SAMPLE = 400;

/** The fewest decimals the numbers of the amount columns display, where their formats say (sampled rows). */
function shownDecimals(sheet: GridSheet, rows: number[], columns: RecognisedColumn[]): number | undefined {
  if (!sheet.numberFormats) return undefined;
  const cols = columns.filter((c) => c.role === "amount").map((c) => c.col);
  let fewest: number | undefined;
  // A table has a few formats: each is read once.
  const byFormat = new Map<string | null, number | null>();
  const step = Math.max(1, Math.floor(rows.length / PRECISION_SAMPLE));
  for (let i = 0; i < rows.length; i += step) {
    const r = rows[i];
    for (const c of cols) {
      if (typeof cellValue(sheet, r, c) !== "number") continue;
      const format = cellNumberFormat(sheet, r, c);
      let d = byFormat.get(format);
      if (d === undefined) {
        d = displayedDecimals(format);
        byFormat.set(format, d);
      }
      if (d !== null && (fewest === undefined || d < fewest)) fewest = d;
    }
  }
  return fewest;
}

function rowText(sheet: GridSheet, row: number): string {
  const parts: string[] = [];
  const r = sheet.values[row] ?? [];
  for (let c = 0; c < r.length; c++) {
    const t = cellText(sheet, row, c);
    if (t) parts.push(t);
  }
  return parts.join(" ");
}

interface Meta {
  year?: number;
  unit?: string;
  unitName?: string;
  titleCell?: CellRef;
  yearCell?: CellRef;
  unitCell?: CellRef;
  unitNameCell?: CellRef;
}

/** The first non-empty cell of a row whose text passes `test`, else the row's first non-empty cell. */
function cellOfRow(sheet: GridSheet, row: number, test: (text: string) => boolean): CellRef | undefined {
  const r = sheet.values[row] ?? [];
  let first: CellRef | undefined;
  for (let c = 0; c < r.length; c++) {
    const t = cellText(sheet, row, c);
    if (!t) continue;
    if (test(t)) return { row, col: c };
    first ??= { row, col: c };
  }
  return first;
}

function readMeta(sheet: GridSheet, seg: Segment): Meta {
  const out: Meta = {};
  const sources: Array<{ text: string; row: number | null }> = [
    { text: seg.title, row: seg.titleRow },
    // The title row's other cells: a unit typed at the right of the title (titleOf lets it stand there).
    ...(seg.titleRow !== null ? [{ text: rowText(sheet, seg.titleRow), row: seg.titleRow }] : []),
    ...seg.metaRows.map((r) => ({ text: rowText(sheet, r), row: r })),
    ...seg.headerRows.slice(0, 1).map((r) => ({ text: rowText(sheet, r), row: r })),
  ];
  if (seg.titleRow !== null) out.titleCell = cellOfRow(sheet, seg.titleRow, (t) => t.includes(seg.title));
  for (const { text: t, row } of sources) {
    const y = /(?:预算年度|年度)[:：]?\s*(20\d\d)/.exec(t) ?? /(20\d\d)\s*年/.exec(t);
    if (y && out.year === undefined) {
      out.year = Number(y[1]);
      if (row !== null) out.yearCell = cellOfRow(sheet, row, (c) => c.includes(y[1]));
    }
    const u = /(?:金额)?单位[:：]\s*(万元|千元|元|万)/.exec(t);
    if (u && out.unit === undefined) {
      out.unit = u[1] === "万" ? "万元" : u[1];
      if (row !== null) out.unitCell = cellOfRow(sheet, row, (c) => /单位[:：]/.test(c) && c.includes(u[1]));
    }
  }
  for (const r of seg.metaRows) {
    const sheetRow = sheet.values[r] ?? [];
    for (let c = 0; c < sheetRow.length; c++) {
      const t = cellText(sheet, r, c);
      // A bare year ("2024年度", the Ministry's unit line) is not the unit's name, nor is the amounts' unit (单位：元),
      // which may also end the 编制单位 line's cell.
      const text = t.replace(/\s*(?:金额)?单位[:：]\s*(?:万元|千元|元|万)\s*$/, "");
      if (!text || /预算年度|^年度|^20\d\d\s*年度?$/.test(text) || /^\s*(?:金额)?单位[:：]/.test(text)) continue;
      const named = /(?:部门名称|单位名称|编制单位|编制部门|部门)[:：]\s*(.+)$/.exec(text);
      const name = (named ? named[1] : text).replace(/^\d{3,}\s*/, "").trim();
      if (name && out.unitName === undefined) {
        out.unitName = name;
        out.unitNameCell = { row: r, col: c };
      }
    }
  }
  return out;
}

function textAt(sheet: GridSheet, row: number, col: number | undefined): string {
  return col === undefined ? "" : cellText(sheet, row, col);
}

const PART_WIDTH: Record<string, number> = { class: 3, section: 2, item: 2 };

/**
 * The code on a row from one code system's columns, joining 类/款/项 parts ("208","1","9" → "2080109"), as a CodeInfo
 * classified by its shape alone (a mistyped code is classified once the row's role is decided). `whole`: the columns
 * of a one-column code, one array shared by every row of the table.
 */
function readCode(sheet: GridSheet, row: number, cols: RecognisedColumn[], whole?: readonly number[]): CodeInfo | null {
  if (cols.length === 0) return null;
  if (cols.length === 1 && cols[0].codePart === "full") {
    const digits = codeDigits(cellText(sheet, row, cols[0].col));
    return digits ? codeInfo(digits, whole ?? [cols[0].col]) : null;
  }
  let code = "";
  const used: number[] = [];
  for (const c of cols) {
    const t = cellText(sheet, row, c.col);
    if (!t) break;
    const digits = codeDigits(t);
    if (!digits) return null;
    const width = PART_WIDTH[c.codePart ?? "full"] ?? digits.length;
    code += digits.length < width ? digits.padStart(width, "0") : digits;
    used.push(c.col);
  }
  return code ? codeInfo(code, used) : null;
}

/** A code's CodeInfo by its shape, every field set at creation (one shape for every row's code); the row names it. */
function codeInfo(code: string, cols: readonly number[]): CodeInfo {
  const classification = classifyCode(code) ?? null;
  return { code, classification, level: classification ? levelDepth(code) : 0, cols, name: undefined, nameCol: undefined };
}

/**
 * `code`, or an equal CodeInfo made before for another row (CodeInfo is never changed once read): the rows of a large
 * table keep one object each, not two.
 */
function sharedCode(known: Map<string, CodeInfo>, code: CodeInfo): CodeInfo {
  const k = known.get(code.code);
  if (
    k !== undefined &&
    k.cols === code.cols &&
    k.name === code.name &&
    k.nameCol === code.nameCol &&
    k.classification === code.classification &&
    k.level === code.level
  )
    return k;
  known.set(code.code, code);
  return code;
}

/** A body row, every field set at creation so rows keep one shape when linkHierarchy adds `parent`. */
function bodyRow(row: number, role: RecognisedRow["role"], label: string, labelCol: number | undefined): RecognisedRow {
  return { row, role, label, labelCol, code: undefined, secondaryCode: undefined, unitCode: undefined, parent: undefined };
}

function expectedClassification(kind: TableKind): Classification | null {
  switch (isFinalKind(kind) ? BUDGET_KIND_OF[kind] : kind) {
    case "basic-expenditure":
    case "economic-summary":
      return "dept-economic";
    case "revenue":
    case "expenditure":
    case "general-expenditure":
    case "fund-expenditure":
    case "state-capital-expenditure":
      return "function";
    default:
      return null;
  }
}

function readRows(sheet: GridSheet, seg: Segment, columns: RecognisedColumn[], kind: TableKind, unitName?: string): RecognisedRow[] {
  const codeCols = (g: number) => columns.filter((c) => c.role === "code" && c.codeGroup === g);
  const names = columns.filter((c) => c.role === "name");
  // A name column holding "2080505 行政单位离退休" left of the code columns carries the primary code itself.
  const embedded = names.find((n) => holdsCodes(sheet, seg.bodyRows, n.col));
  const embeddedFirst = embedded !== undefined && !(codeCols(0)[0]?.col < embedded.col);
  const primary = embeddedFirst ? [] : codeCols(0);
  const secondary = embeddedFirst ? codeCols(0) : codeCols(1);
  const unitCol = columns.find((c) => c.role === "unit-code");
  const amountCols = columns.filter((c) => c.role === "amount");
  // Name column of each code system: the first name column after its code columns.
  const nameAfter = (cols: RecognisedColumn[]) =>
    cols.length ? names.find((n) => n.col > cols[cols.length - 1].col) ?? names[0] : names[0];
  const primaryName = embeddedFirst ? embedded : nameAfter(primary);
  const secondaryName = secondary.length ? nameAfter(secondary) : undefined;
  const want = expectedClassification(kind);
  const rows: RecognisedRow[] = [];
  const primaryWhole = primary.length ? [primary[0].col] : undefined;
  const secondaryWhole = secondary.length ? [secondary[0].col] : undefined;
  // Codes of the code rows so far, for typoLevel.
  const codesAbove = new Set<string>();
  // The CodeInfo last made for each code: rows read alike (a code repeated under every unit) share it.
  const known = new Map<string, CodeInfo>();

  // Indexed loops over the body: an iterator's result objects, per row, are what a for-of costs before it is optimised.
  const body = seg.bodyRows;
  for (let k = 0; k < body.length; k++) {
    const r = body[k];
    let label = textAt(sheet, r, primaryName?.col);
    let labelCol = primaryName?.col;
    if (!label) {
      // Labels such as 合计 sometimes sit in the code column or the first text cell.
      for (const c of columns) {
        if (c.role === "amount" || c.role === "index") continue;
        const t = cellText(sheet, r, c.col);
        if (t && !codeDigits(t)) {
          label = t;
          labelCol = c.col;
          break;
        }
      }
    }
    let code = readCode(sheet, r, primary, primaryWhole);
    let codeName: string | undefined;
    if (!code && label) {
      const split = splitCodeAndName(label);
      if (split && classifyCode(split.code)) {
        code = codeInfo(split.code, labelCol !== undefined ? [labelCol] : []);
        codeName = split.name;
      }
    }
    const unitCode = unitCol ? codeDigits(textAt(sheet, r, unitCol.col)) ?? undefined : undefined;
    // Read only where a branch below asks: code rows, the bulk of a table, need neither.
    const normalised = code ? "" : normaliseLabel(label);
    const cls = code ? code.classification ?? undefined : undefined;
    let row: RecognisedRow;
    if (!code && !unitCode && TOTAL_LABEL.test(normalised)) {
      row = bodyRow(r, "total", label, labelCol);
    } else if (
      unitCode ||
      (code && (!cls || (want && cls !== want && code.code.startsWith("0"))) && typoLevel(code.code, want, codesAbove) === undefined)
    ) {
      row = bodyRow(r, "unit", label, labelCol);
      row.unitCode = unitCode ?? code?.code;
    } else if (code) {
      // A code one digit short or long (208055) is a mistyped code of this table's classification: a code row (the
      // catalogue reports it), linked by position, not a unit row that would re-scope everything below it.
      if (!cls) {
        const typo = typoLevel(code.code, want, codesAbove);
        if (typo !== undefined) {
          code.classification = want;
          code.level = typo;
        }
      }
      code.name = codeName ?? (label || undefined);
      code.nameCol = codeName ? code.cols[0] : labelCol;
      row = bodyRow(r, "code", codeName ?? label, labelCol);
      row.code = sharedCode(known, code);
      const sec = readCode(sheet, r, secondary, secondaryWhole);
      if (sec) {
        sec.name = textAt(sheet, r, secondaryName?.col) || undefined;
        sec.nameCol = secondaryName?.col;
        row.secondaryCode = sharedCode(known, sec);
      }
    } else if (label || hasAmountOn(sheet, r, amountCols)) {
      // A labelled row without a code in a coded table: a unit/group row (often the unit's own name), or the
      // unlabelled grand total at the top of some tables. A 其中 line (of which: a part of the row above) or a check
      // line (校验, 差额) is neither: it heads nothing and adds into nothing.
      const isUnitName = unitName !== undefined && normaliseLabel(unitName) === normalised;
      const aside = label !== "" && (parseOrdinalLabel(label).breakdown || isNoteOrCheckLabel(normalised));
      row = bodyRow(r, label && (aside || (!isUnitName && !hasAmountOn(sheet, r, amountCols))) ? "item" : label ? "unit" : "total", label, labelCol);
    } else continue;
    rows.push(row);
    // Only a 3- or 5-digit code can be the parent typoLevel looks for.
    if (row.code && row.role === "code" && (row.code.code.length === 3 || row.code.code.length === 5)) codesAbove.add(row.code.code);
  }
  return rows;
}

function hasAmountOn(sheet: GridSheet, row: number, amountCols: readonly RecognisedColumn[]): boolean {
  for (const c of amountCols) if (amountKind(cellValue(sheet, row, c.col)) !== "empty") return true;
  return false;
}

/** Most labels of the column read as "code name". */
function holdsCodes(sheet: GridSheet, rows: number[], col: number): boolean {
  let coded = 0;
  let texts = 0;
  for (let i = 0; i < rows.length; i++) {
    // Stop once the rest cannot change the answer: each row left moves coded * 2 − texts by at most one.
    const left = rows.length - i;
    const margin = coded * 2 - texts;
    if (margin + left < 0 || (coded >= 2 && margin - left >= 0)) break;
    const t = cellText(sheet, rows[i], col);
    if (!t) continue;
    texts++;
    const split = splitCodeAndName(t);
    if (split && classifyCode(split.code)) coded++;
  }
  return coded >= 2 && coded * 2 >= texts;
}

/**
 * The level of a code of the wanted classification with an even number of digits (a digit lost or doubled), when the
 * row it would belong under is listed above it (208055 under 20805). A unit code such as 301001 has no such row.
 * `above`: the codes of the code rows above (a set: every unit row of a long table asks).
 */
function typoLevel(code: string, want: Classification | null, above: ReadonlySet<string>): number | undefined {
  if (!want || code[0] !== firstDigitOf(want) || !/^\d{4}$|^\d{6}$/.test(code)) return undefined;
  const parent = code.slice(0, code.length - 1);
  return above.has(parent) ? code.length / 2 : undefined;
}

/** Equal, or one digit changed, or two adjacent digits swapped (the usual typing slips). */
function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length <= 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/**
 * Parent links: 项 → 款 → 类 by code prefix within a unit's scope; code rows → their unit row; units by prefix.
 * A mistyped code is linked where it stands: a row whose own 款 (or 类) is missing but sits right under a row one
 * typing slip away from it — 2090505 among 20805's rows, or 2080502 under a 款 typed 20850 — adds up into that row,
 * so a typo gives its code finding (catalogue) and not a cascade of sum errors.
 */
/** A row index of the scope map when it belongs to the current unit's scope (it is below the unit's row). */
function inScope(at: number | undefined, scopeUnit: number | undefined): number | undefined {
  return at !== undefined && at > (scopeUnit ?? -1) ? at : undefined;
}

function linkHierarchy(rows: RecognisedRow[]): void {
  const unitStack: number[] = [];
  // Codes and their prefixes as numbers: a code row's code has no leading zero (its first digit is its
  // classification's), so the number stands for the digits, and a prefix is a division, not a string made per row.
  // One map for the table: an entry (a row index) belongs to the current unit's scope when it is below the unit's
  // row; older ones are stale (a map per unit, rebuilt for every unit of a large table, was most of the allocation).
  const scope = new Map<number, number>();
  let scopeUnit: number | undefined;
  // The latest code row at each level in the scope (-1 once a higher row came after it), by level: a level is a
  // small whole number (a code's depth, 0 when unknown).
  let latest: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.role === "total" || row.role === "item") continue;
    if (row.role === "unit") {
      const code = row.unitCode ?? "";
      while (unitStack.length) {
        const top = rows[unitStack[unitStack.length - 1]];
        if (code && top.unitCode && code.startsWith(top.unitCode) && code !== top.unitCode) break;
        unitStack.pop();
      }
      if (unitStack.length) row.parent = unitStack[unitStack.length - 1];
      unitStack.push(i);
      latest = [];
      scopeUnit = i;
      continue;
    }
    const code = row.code!.code;
    const value = Number(code);
    const level = row.code!.level;
    // The immediate parent's code: 2 digits shorter (208055, a 6-digit slip, counts as a 项 under 20805).
    const parentLen = level >= 2 ? 2 * level - 1 : 0;
    const immediate = parentLen >= 3 ? inScope(scope.get(prefixOf(value, code.length, parentLen)), scopeUnit) : undefined;
    if (immediate !== undefined) row.parent = immediate;
    else if (parentLen >= 3) {
      const near = latest[level - 1];
      const nearCode = near !== undefined && near >= 0 ? rows[near].code!.code : undefined;
      if (nearCode !== undefined && nearCode.length === parentLen && oneSlipApart(code.slice(0, parentLen), nearCode)) {
        row.parent = near;
        // Later rows under the same (mistyped) parent find it by the prefix they carry.
        if (inScope(scope.get(prefixOf(value, code.length, parentLen)), scopeUnit) === undefined) scope.set(prefixOf(value, code.length, parentLen), near);
      }
    }
    if (row.parent === undefined) {
      for (let len = code.length - 1; len >= 3; len--) {
        const p = inScope(scope.get(prefixOf(value, code.length, len)), scopeUnit);
        if (p !== undefined) {
          row.parent = p;
          break;
        }
      }
    }
    if (row.parent === undefined && scopeUnit !== undefined) row.parent = scopeUnit;
    if (inScope(scope.get(value), scopeUnit) === undefined) scope.set(value, i);
    latest[level] = i;
    for (let l = level + 1; l < latest.length; l++) latest[l] = -1;
  }
}

/** The first `len` digits of a code of `length` digits whose number is `value`. */
function prefixOf(value: number, length: number, len: number): number {
  return Math.floor(value / POWERS_OF_TEN[length - len]);
}

/** 10^k for the digits a code's prefix drops (codes have at most 9 digits; a longer one is no code row's). */
const POWERS_OF_TEN = Array.from({ length: 17 }, (_, k) => 10 ** k);

function readSides(sheet: GridSheet, seg: Segment, columns: RecognisedColumn[]): SideRows[] {
  const sides: SideRows[] = [];
  for (const side of ["income", "expenditure"] as const) {
    const cols = columns.filter((c) => c.side === side);
    const labelCol = cols.find((c) => c.role === "name") ?? cols.find((c) => c.role === "text");
    // This year's column first: the side's identities read amountCols[0], a 上年预算数 column is only compared.
    const amountCols = cols
      .filter((c) => c.role === "amount")
      .sort((a, b) => Number(a.path.some(isComparisonLabel)) - Number(b.path.some(isComparisonLabel)))
      .map((c) => c.col);
    if (!labelCol) continue;
    const rows: SideRows["rows"] = [];
    for (const r of seg.bodyRows) {
      const label = cellText(sheet, r, labelCol.col);
      const hasAmount = amountCols.some((c) => amountKind(cellValue(sheet, r, c)) !== "empty");
      if (label || hasAmount) rows.push({ row: r, label });
    }
    sides.push({ side, labelCol: labelCol.col, amountCols, rows });
  }
  return sides;
}

/** Three-public tables with items as columns: each body row is one line (合计 or a unit). */
function readItemRows(sheet: GridSheet, seg: Segment, columns: RecognisedColumn[]): RecognisedRow[] {
  const labelCol = columns.find((c) => c.role === "name" || c.role === "text");
  const rows: RecognisedRow[] = [];
  for (const r of seg.bodyRows) {
    const label = labelCol ? cellText(sheet, r, labelCol.col) : "";
    rows.push(bodyRow(r, TOTAL_LABEL.test(normaliseLabel(label)) ? "total" : "item", label, labelCol?.col));
  }
  return rows;
}
