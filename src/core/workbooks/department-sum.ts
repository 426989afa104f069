/**
 * `workbooks.department-sum` (spec §7): a 部门 workbook's tables equal the sum of its 单位 workbooks' tables, table by
 * table (same kind), row by row (same code, 合计, or same label) and column by column (same header), each table's
 * amounts converted to the department table's unit of measure first.
 *
 * Which units belong to which department: a mapping (unit workbook → department workbook or name), else the unit
 * line's 预算主管部门, else the unit rows the department's tables list; always of the same set (预算/决算) and year. The sums are compared only when every unit
 * the department lists (or the mapping names) is given and readable; otherwise one info names the missing units.
 */
import type { Finding } from "../finding";
import type { Identity } from "../rules/identity";
import { anchorCell, AmountStore, compareIdentities, tableOfKind, type WorkbookEntry } from "./compare";
import { unitKey, type ExtractCell, type ExtractTable } from "./extract";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const DEPARTMENT_SUM_RULES = [
  { id: "workbooks.department-sum", group: "workbooks", severity: "error", zh: "部门工作簿各表 = 其各单位工作簿对应表之和（逐表、逐行、逐列）", en: "A department workbook's tables = the sum of its unit workbooks' tables (table, row and column)" },
  { id: "workbooks.department-incomplete", group: "workbooks", severity: "info", zh: "缺少部分单位的工作簿，部门合计无法核对", en: "Some units' workbooks are missing, so the department totals cannot be compared" },
] as const satisfies readonly RuleInfo[];

export interface DepartmentSumOptions {
  /** Unit workbook (its file as reported, or its base name) → department (its workbook's file or base name, or its name). */
  unitMap?: ReadonlyMap<string, string>;
}

export const DEPARTMENT_SUM = "workbooks.department-sum";
export const DEPARTMENT_INCOMPLETE = "workbooks.department-incomplete";

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function mapped(map: ReadonlyMap<string, string> | undefined, file: string): string | undefined {
  return map?.get(file) ?? map?.get(baseName(file));
}

function isNamed(entry: WorkbookEntry, target: string): boolean {
  if (entry.file === target || baseName(entry.file) === baseName(target)) return true;
  return entry.workbook.unitName !== undefined && unitKey(entry.workbook.unitName) === unitKey(target);
}

/** A unit adds into a department of the same set (预算/决算) and year, where both say. */
function sameBook(a: WorkbookEntry, b: WorkbookEntry): boolean {
  const x = a.workbook;
  const y = b.workbook;
  return (x.set === undefined || y.set === undefined || x.set === y.set) && (x.year === undefined || y.year === undefined || x.year === y.year);
}

interface Department {
  entry: WorkbookEntry;
  units: WorkbookEntry[];
  /** Units the department or the mapping expects that are not among the given workbooks. */
  missing: string[];
  /** Named by the mapping: compare (or report missing units) even when no unit matched by name. */
  mappedTo: boolean;
}

function assignUnits(entries: readonly WorkbookEntry[], map: ReadonlyMap<string, string> | undefined): Department[] {
  const mappedTargets = new Set(map ? [...map.values()] : []);
  const depts: Department[] = entries
    .filter((e) => e.workbook.scope === "部门" || [...mappedTargets].some((t) => isNamed(e, t) && !mapped(map, e.file)))
    .map((entry) => ({ entry, units: [], missing: [], mappedTo: false }));
  const isDept = new Set(depts.map((d) => d.entry));
  for (const e of entries) {
    if (isDept.has(e)) continue;
    const target = mapped(map, e.file);
    let dept: Department | undefined;
    const candidates = depts.filter((d) => sameBook(d.entry, e));
    if (target !== undefined) dept = candidates.find((d) => isNamed(d.entry, target));
    else if (e.workbook.department !== undefined) dept = candidates.find((d) => isNamed(d.entry, e.workbook.department!));
    if (!dept && target === undefined && e.workbook.unitName !== undefined) {
      const k = unitKey(e.workbook.unitName);
      dept = candidates.find((d) => d.entry.workbook.listedUnits.some((u) => unitKey(u) === k));
    }
    dept?.units.push(e);
  }
  for (const d of depts) {
    const given = new Set(d.units.flatMap((u) => (u.workbook.unitName !== undefined ? [unitKey(u.workbook.unitName)] : [])));
    d.missing = d.entry.workbook.listedUnits.filter((u) => !given.has(unitKey(u)));
    if (map) {
      for (const [unit, target] of map) {
        if (!isNamed(d.entry, target)) continue;
        d.mappedTo = true;
        if (!entries.some((e) => e.file === unit || baseName(e.file) === baseName(unit))) d.missing.push(unit);
      }
    }
  }
  return depts;
}

function group(cells: readonly ExtractCell[]): Map<string, ExtractCell[]> {
  const out = new Map<string, ExtractCell[]>();
  for (const c of cells) {
    const k = `${c[0]}\u0000${c[1]}`;
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

const SIDE_ZH: Record<string, string> = { income: "收入", expenditure: "支出" };

function describeRow(rowKey: string): { zh: string; en: string } {
  if (rowKey === "合计") return { zh: "合计行", en: "total row" };
  if (rowKey.startsWith("c:")) return { zh: `${rowKey.slice(2)} 行`, en: `row ${rowKey.slice(2)}` };
  const side = /^(income|expenditure):(.*)$/.exec(rowKey);
  if (side) return { zh: `${SIDE_ZH[side[1]]}“${side[2]}”行`, en: `${side[1]} row "${side[2]}"` };
  const label = rowKey.replace(/^t:/, "");
  return { zh: `“${label}”行`, en: `row "${label}"` };
}

function describeCol(colKey: string): string {
  const path = colKey.replace(/^(income|expenditure):/, "");
  return path.split("/").pop() || path;
}

/** Identities "department cell = Σ the units' cells with the same row and column keys" for one table kind. */
function tableIdentities(dept: WorkbookEntry, table: ExtractTable, units: Array<{ entry: WorkbookEntry; table: ExtractTable }>, store: AmountStore): Identity[] {
  const deptCells = group(table.cells);
  const unitCells = units.map((u) => ({ ...u, cells: group(u.table.cells) }));
  const unitRows = new Set(units.flatMap((u) => u.table.cells.map((c) => c[0])));
  const deptCols = new Set(table.cells.map((c) => c[1]));
  const deptCodeLengths = new Set(table.cells.filter((c) => c[0].startsWith("c:")).map((c) => c[0].length));
  const keys: string[] = [...deptCells.keys()].filter((k) => unitRows.has(k.split("\u0000")[0]));
  // A code row only the units have (the department left it out), where the department lists codes of that level.
  for (const u of unitCells)
    for (const [k, cells] of u.cells) {
      const [rowKey, colKey] = [cells[0][0], cells[0][1]];
      if (!deptCells.has(k) && !keys.includes(k) && rowKey.startsWith("c:") && deptCodeLengths.has(rowKey.length) && deptCols.has(colKey)) keys.push(k);
    }
  const names = units.map((u) => u.entry.file).join("、");
  const out: Identity[] = [];
  for (const k of keys) {
    const left = (deptCells.get(k) ?? []).map((c) => store.add(dept.file, table, c, table.unit));
    const right = unitCells.flatMap((u) => (u.cells.get(k) ?? []).map((c) => store.add(u.entry.file, u.table, c, table.unit)));
    if (right.length === 0) continue;
    const [rowKey, colKey] = k.split("\u0000");
    const row = describeRow(rowKey);
    const col = describeCol(colKey);
    out.push({
      rule: DEPARTMENT_SUM,
      tables: [],
      strength: "error",
      left,
      right,
      zh: `部门工作簿“${table.sheet}”${row.zh}“${col}”列 = ${units.length} 个单位工作簿之和（${names}）`,
      en: `department workbook "${table.sheet}", ${row.en}, column "${col}" = sum of the ${units.length} unit workbooks (${names})`,
    });
  }
  return out;
}

export function departmentSumFindings(entries: readonly WorkbookEntry[], options: DepartmentSumOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const d of assignUnits(entries, options.unitMap)) {
    const dept = d.entry;
    const first = dept.workbook.tables[0];
    if (d.units.length === 0 && !d.mappedTo) continue;
    if (d.missing.length > 0) {
      const list = d.missing.join("、");
      out.push({
        rule: DEPARTMENT_INCOMPLETE,
        severity: "info",
        message: `部门工作簿 ${dept.file} 的各表未与单位合计核对：缺少单位 ${list} 的工作簿（已给出 ${d.units.length} 个单位）。`,
        messageEn: `The tables of department workbook ${dept.file} were not compared with the sum of its units: the workbooks of ${list} are missing (${d.units.length} units given).`,
        cells: anchorCell(dept.file, first),
      });
      continue;
    }
    const store = new AmountStore();
    const identities: Identity[] = [];
    const notCompared: string[] = [];
    for (const table of dept.workbook.tables) {
      if (tableOfKind(dept.workbook, table.kind) !== table) continue;
      const units = d.units.map((entry) => ({ entry, table: tableOfKind(entry.workbook, table.kind) }));
      const lacking = units.filter((u) => u.table === undefined).map((u) => u.entry.file);
      if (lacking.length > 0) {
        notCompared.push(`${table.sheet}（${lacking.join("、")} 无此表 / not in ${lacking.join(", ")}）`);
        continue;
      }
      const made = tableIdentities(dept, table, units as Array<{ entry: WorkbookEntry; table: ExtractTable }>, store);
      if (made.length === 0 && table.cells.some((c) => c[4] !== null)) notCompared.push(`${table.sheet}（行或列无法对应 / rows or columns do not match）`);
      identities.push(...made);
    }
    out.push(...compareIdentities(identities, store));
    if (notCompared.length > 0)
      out.push({
        rule: DEPARTMENT_INCOMPLETE,
        severity: "info",
        message: `部门工作簿 ${dept.file} 中这些表未与单位合计核对：${notCompared.join("；")}。`,
        messageEn: `These tables of department workbook ${dept.file} were not compared with the sum of its units: ${notCompared.join("; ")}.`,
        cells: anchorCell(dept.file, first),
      });
  }
  return out;
}
