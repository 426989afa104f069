/** Identities inside one table (spec §2, "Inside a table"). */
import { columnLetters } from "../address";
import { parseOrdinalLabel } from "../text";
import type { RecognisedColumn, RecognisedRow, RecognisedTable, SideRows } from "../recognise/types";
import { buildColumnTree, columnSums, rootTotalColumn } from "./column-tree";
import { finalTableIdentities } from "./final-identities";
import type { CellKey, Identity, IdentityLine } from "./identity";
import type { Measure } from "./measure";
import type { RuleInfo } from "../rule-info";
import { amountColumns } from "../recognise/queries";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const TABLE_RULES = [
  { id: "table.columns-sum", group: "sum", severity: "error", zh: "每行：合计列 = 各分项列之和", en: "Each row: the total column = sum of its part columns" },
  { id: "table.total-row", group: "sum", severity: "error", zh: "合计行 = 各类（或各单位）行之和", en: "Total row = sum of the top-level rows" },
  { id: "hierarchy.sum", group: "sum", severity: "error", zh: "类 = 其下各款之和，款 = 其下各项之和，单位 = 其下各行之和", en: "Class = sum of its sections, section = sum of its items, unit = sum of its rows" },
  { id: "basic.personnel", group: "sum", severity: "error", zh: "基本支出表：人员经费 = 301 + 303", en: "Basic expenditure: personnel = 301 + 303" },
  { id: "basic.public-use", group: "sum", severity: "error", zh: "基本支出表：公用经费 = 302（及其他公用经费类）", en: "Basic expenditure: public use = 302 (and other non-personnel classes)" },
  { id: "summary.current-total", group: "sum", severity: "error", zh: "收支总表：本年收入（支出）合计 = 各项目之和", en: "Summary: current-year total = sum of the items" },
  { id: "summary.carry-split", group: "sum", severity: "error", zh: "收支总表：结转结余 = 其下各项之和", en: "Summary: carry-over = sum of its parts" },
  { id: "summary.grand-total", group: "sum", severity: "error", zh: "收支总表：总计 = 本年合计 + 结转结余", en: "Summary: grand total = current-year total + carry-over" },
  { id: "summary.balance", group: "sum", severity: "error", zh: "收支总表：收入总计 = 支出总计", en: "Summary: total income = total expenditure" },
  { id: "three-public.subtotal", group: "sum", severity: "error", zh: "“三公”经费小计 = 因公出国(境)费 + 公务用车 + 公务接待费", en: '"Three public" subtotal = overseas trips + vehicles + reception' },
  { id: "three-public.total", group: "sum", severity: "error", zh: "“三公”表合计 = 小计 + 会议费 + 培训费", en: '"Three public" total = subtotal + meetings + training' },
  { id: "three-public.vehicle", group: "sum", severity: "error", zh: "公务用车购置及运行维护费 = 购置费 + 运行维护费", en: "Official vehicles = purchase + operation" },
  { id: "three-public.abroad", group: "sum", severity: "error", zh: "因公出国(境)费 = 其下各项之和", en: "Overseas trips = sum of its parts" },
] as const satisfies readonly RuleInfo[];

export type TableRuleId = (typeof TABLE_RULES)[number]["id"];

export function key(table: RecognisedTable, row: number, col: number): CellKey {
  return { sheet: table.sheet, row, col };
}

/** A bilingual piece of an identity's text. */
interface Text {
  zh: string;
  en: string;
}

/** What every sum of one kind in one table shares: its rule, table, direction and how its text is put together. */
interface LineKind {
  rule: Identity["rule"];
  sheet: string;
  tables: string[];
  /** Along a row (a row's columns add up) or along a column (rows add up). */
  alongRow: boolean;
  zh(a: Text, b: Text): string;
  en(a: Text, b: Text): string;
}

/** The line a sum lies on (a row for column sums, a column for row sums) with its part of the text. */
export interface LineText extends Text {
  readonly at: number;
}

/** The sum itself: the total's column or row, the terms' (shared by every line it is made on), its part of the text. */
interface SumText extends Text {
  readonly total: number;
  readonly terms: readonly number[];
}

/**
 * A sum along one row or column of a table: the total's cell = Σ the terms' cells, in the same row (column sums) or
 * column (row hierarchies). Held compactly, since a 100k-row table has hundreds of thousands of them and their cell
 * keys and texts were most of a check's memory: three references, the line and the sum being shared by every sum on
 * that line or of that shape; the cell keys are made when read, the text only when asked for (for the few that fail).
 */
class LineSum implements Identity, IdentityLine {
  /** Set by attachMeasures only where they are not the plain default (declared, so most sums carry no field). */
  declare measures?: { left: Measure; right: Measure };
  constructor(
    private readonly kind: LineKind,
    private readonly across: LineText,
    private readonly sum: SumText,
  ) {}
  get rule(): Identity["rule"] {
    return this.kind.rule;
  }
  get tables(): string[] {
    return this.kind.tables;
  }
  get strength(): "error" {
    return "error";
  }
  get sheet(): string {
    return this.kind.sheet;
  }
  get alongRow(): boolean {
    return this.kind.alongRow;
  }
  /** The row (along a row) or column (along a column) the sum lies on. */
  get at(): number {
    return this.across.at;
  }
  /** The total's column or row. */
  get total(): number {
    return this.sum.total;
  }
  get terms(): readonly number[] {
    return this.sum.terms;
  }
  get line(): IdentityLine {
    return this;
  }
  get left(): CellKey[] {
    return [this.cell(this.total)];
  }
  get right(): CellKey[] {
    return this.terms.map((t) => this.cell(t));
  }
  get zh(): string {
    return this.kind.zh(this.across, this.sum);
  }
  get en(): string {
    return this.kind.en(this.across, this.sum);
  }
  private cell(at: number): CellKey {
    const { sheet, alongRow } = this.kind;
    return alongRow ? { sheet, row: this.at, col: at } : { sheet, row: at, col: this.at };
  }
}

function colLabel(table: RecognisedTable, col: number): string {
  const c = table.columns.find((x) => x.col === col);
  return c && c.path.length ? c.path.join("/") : columnLetters(col);
}

/** Every column's label, looked up once per table: identities are made per row × column, labels per column. */
function columnLabeller(table: RecognisedTable): (col: number) => string {
  const labels = new Map<number, string>();
  return (col) => {
    let l = labels.get(col);
    if (l === undefined) labels.set(col, (l = colLabel(table, col)));
    return l;
  };
}

export function rowLabel(row: RecognisedRow): string {
  if (row.code) return `${row.code.code} ${row.code.name ?? ""}`.trim();
  if (row.unitCode) return `${row.unitCode} ${row.label}`.trim();
  return row.label || `第${row.row + 1}行`;
}

function rowLabelEn(row: RecognisedRow): string {
  if (row.code) return row.code.code;
  if (row.unitCode) return `unit ${row.unitCode}`;
  return row.role === "total" ? "total" : `row ${row.row + 1}`;
}


/**
 * 合计 = Σ columns on every row (column tree from the header). The sums go into `out` (returned): a large table's
 * hundreds of thousands of sums are pushed into one list, not copied from list to list.
 */
export function columnSumIdentities(
  table: RecognisedTable,
  rows: readonly LineText[],
  columns: RecognisedColumn[],
  dropTop: number,
  out: Identity[] = [],
): Identity[] {
  const label = columnLabeller(table);
  // The column part of the text is the same on every row: built once per sum.
  const sums = columnSums(buildColumnTree(columns, dropTop)).map((s) => ({
    ...s,
    zh: `“${label(s.total)}”= ${s.terms.map((c) => `“${label(c)}”`).join(" + ")}`,
    en: `"${label(s.total)}" = sum of ${s.terms.length} columns`,
  }));
  const { sheet } = table;
  const kind: LineKind = {
    rule: "table.columns-sum",
    sheet,
    tables: [table.id],
    alongRow: true,
    zh: (r, s) => `${sheet}“${r.zh}”行：${s.zh}`,
    en: (r, s) => `${sheet}, ${r.en}: ${s.en}`,
  };
  // Indexed loops: for…of made an iterator result per sum made.
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < sums.length; j++) out.push(new LineSum(kind, rows[i], sums[j]));
  return out;
}

/** 合计 row = Σ top-level rows; 类 = Σ 款, 款 = Σ 项, unit = Σ its rows, in every amount column; into `out`. */
export function hierarchyIdentities(table: RecognisedTable, out: Identity[] = []): Identity[] {
  const cols = amountColumns(table);
  // Each parent's children by their row numbers (the sums' terms), gathered in one pass.
  const children = new Map<number, number[]>();
  const topLevel: number[] = [];
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.role === "total" || r.role === "item") continue;
    if (r.parent === undefined) topLevel.push(i);
    else {
      const kids = children.get(r.parent);
      if (kids) kids.push(r.row);
      else children.set(r.parent, [r.row]);
    }
  }
  const label = columnLabeller(table);
  const columnText: LineText[] = cols.map((c) => ({ at: c.col, zh: `${table.sheet}“${label(c.col)}”列：`, en: `${table.sheet}, column "${label(c.col)}": ` }));
  const tables = [table.id];
  // The column's text, then the rows'.
  const joined = { zh: (c: Text, r: Text) => c.zh + r.zh, en: (c: Text, r: Text) => c.en + r.en };
  const hierarchy: LineKind = { rule: "hierarchy.sum", sheet: table.sheet, tables, alongRow: false, ...joined };
  children.forEach((kids, parent) => {
    const text = new ParentText(table.rows[parent], kids);
    // Indexed: for…of made an iterator result per sum made.
    for (let i = 0; i < columnText.length; i++) out.push(new LineSum(hierarchy, columnText[i], text));
  });
  if (topLevel.length) {
    const zh = `行 = 各${table.rows[topLevel[0]].role === "unit" ? "单位" : "类"}之和`;
    const topRows = topLevel.map((k) => table.rows[k].row);
    const totalRow: LineKind = { rule: "table.total-row", sheet: table.sheet, tables, alongRow: false, ...joined };
    for (const t of table.rows.filter((r) => r.role === "total")) {
      const text = { total: t.row, terms: topRows, zh: `“${t.label || "合计"}”${zh}`, en: "total row = sum of the top-level rows" };
      for (let i = 0; i < columnText.length; i++) out.push(new LineSum(totalRow, columnText[i], text));
    }
  }
  return out;
}

/** Rows whose code is not nested under another code row (类 rows, or 款/项 rows where the 类 row is absent). */
export function maximalCodeRows(table: RecognisedTable): RecognisedRow[] {
  return table.rows.filter((r) => r.role === "code" && (r.parent === undefined || table.rows[r.parent].role !== "code"));
}

/** 基本支出表: 人员经费 = Σ 301 + 303, 公用经费 = Σ the other classes (302, 310 …), on the 合计 row. */
function basicSplitIdentities(table: RecognisedTable): Identity[] {
  const cols = amountColumns(table);
  const personnel = cols.find((c) => /人员经费/.test(c.label));
  const publicUse = cols.find((c) => /公用经费/.test(c.label));
  const total = cols.find((c) => /合计|小计/.test(c.label)) ?? cols[0];
  if (!personnel || !publicUse || !total) return [];
  const tops = maximalCodeRows(table);
  const isPersonnel = (r: RecognisedRow) => /^30[13]/.test(r.code!.code);
  const out: Identity[] = [];
  for (const t of table.rows.filter((r) => r.role === "total")) {
    out.push({
      rule: "basic.personnel",
      tables: [table.id],
      strength: "error",
      left: [key(table, t.row, personnel.col)],
      right: tops.filter(isPersonnel).map((r) => key(table, r.row, total.col)),
      zh: `${table.sheet}：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助`,
      en: `${table.sheet}: personnel total = 301 + 303`,
    });
    out.push({
      rule: "basic.public-use",
      tables: [table.id],
      strength: "error",
      left: [key(table, t.row, publicUse.col)],
      right: tops.filter((r) => !isPersonnel(r)).map((r) => key(table, r.row, total.col)),
      zh: `${table.sheet}：公用经费合计 = 302 商品和服务支出（及其他公用经费类）`,
      en: `${table.sheet}: public-use total = 302 (and other non-personnel classes)`,
    });
  }
  return out;
}

type SideRowKind = "grand" | "current" | "carry" | "item";

function sideRowKind(label: string): SideRowKind {
  const { text } = parseOrdinalLabel(label);
  if (/^(收入|支出)?总计$|^(收入|支出)合计$/.test(text)) return "grand";
  if (/^本年(收入|支出)(合计)?$/.test(text)) return "current";
  if (/结转|结余/.test(text)) return "carry";
  return "item";
}

/**
 * A carry-over row that names what the carry is made of (基本支出结转, 项目支出结转和结余, 经营结余), as the 决算
 * templates print the breakdown under 年初/年末结转和结余: a part of the carry above it, not a carry of its own.
 */
const CARRY_PART = /^(基本支出|项目支出|经营)/;

export interface SideCarry {
  row: number;
  parts: number[];
  /** The parts begin with 其中: they may list only some of the carry-over, so they must not exceed it. */
  partial: boolean;
}

export interface SideStructure {
  side: SideRows;
  current?: number;
  grand?: number;
  /** Row numbers of the items that add up to 本年收入/支出 (top level, breakdowns excluded). */
  items: number[];
  carries: SideCarry[];
  direct: number[];
}

/** Reads 收支总表/财政拨款收支总表 side structure: items → 本年合计, carry-over rows, 总计. */
export function sideStructure(side: SideRows): SideStructure {
  const rows = side.rows.map((r) => ({ ...r, kind: sideRowKind(r.label), ord: parseOrdinalLabel(r.label) }));
  const s: SideStructure = { side, items: [], carries: [], direct: [] };
  const currentIdx = rows.findIndex((r) => r.kind === "current");
  const grandIdx = rows.findIndex((r) => r.kind === "grand");
  if (currentIdx >= 0) s.current = rows[currentIdx].row;
  if (grandIdx >= 0) s.grand = rows[grandIdx].row;
  const firstItem = rows.findIndex((r) => r.kind === "item");
  const currentOnTop = currentIdx >= 0 && firstItem > currentIdx;
  let itemRows: typeof rows;
  let restStart: number;
  if (currentOnTop) {
    // "一、本年收入" with its （一）（二）… below it, up to the first carry-over or total row.
    let end = currentIdx + 1;
    while (end < rows.length && rows[end].kind === "item") end++;
    itemRows = rows.slice(currentIdx + 1, end);
    restStart = end;
  } else {
    const end = currentIdx >= 0 ? currentIdx : rows.findIndex((r) => r.kind !== "item");
    itemRows = rows.slice(0, end < 0 ? rows.length : end);
    restStart = end < 0 ? rows.length : currentIdx >= 0 ? currentIdx + 1 : end;
  }
  const top = itemRows.filter((r) => !r.ord.breakdown);
  const minLevel = Math.min(...top.map((r) => r.ord.level || 1));
  s.items = top.filter((r) => (r.ord.level || 1) === minLevel).map((r) => r.row);
  let carry: SideCarry | null = null;
  // Ordinal level of the carry's first part: a deeper row below a part is that part's breakdown, not the carry's.
  let partLevel = 0;
  for (let i = restStart; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind === "grand") {
      carry = null;
      continue;
    }
    if (carry) {
      // 其中 right under the carry row (or continuing a 其中 list) opens its breakdown; 其中 under a part is the part's.
      const partOf = r.ord.breakdown ? carry.parts.length === 0 || carry.partial : r.kind === "item" || CARRY_PART.test(r.ord.text);
      if (partOf) {
        if (carry.parts.length === 0) partLevel = r.ord.level;
        if (partLevel > 0 && r.ord.level > partLevel) continue;
        if (r.ord.breakdown) carry.partial = true;
        carry.parts.push(r.row);
        continue;
      }
      if (r.kind === "item") continue;
    }
    if (r.kind === "carry") {
      carry = { row: r.row, parts: [], partial: false };
      s.carries.push(carry);
    } else if (!r.ord.breakdown) s.direct.push(r.row);
  }
  return s;
}

export function twoSidedIdentities(table: RecognisedTable): Identity[] {
  const out: Identity[] = [];
  const sides = table.sides ?? [];
  const structures = sides.map(sideStructure);
  for (const st of structures) {
    const sideZh = st.side.side === "income" ? "收入" : "支出";
    const sideEn = st.side.side === "income" ? "income" : "expenditure";
    for (const col of st.side.amountCols) {
      const colZh = colLabel(table, col);
      const add = (rule: TableRuleId, total: number | undefined, terms: number[], zh: string, en: string, atMost = false) => {
        if (total === undefined) return;
        const stated = [key(table, total, col)];
        const sum = terms.map((r) => key(table, r, col));
        // "le" reads left ≤ Σ right: the listed 其中 parts (left) must not exceed their carry-over (right).
        out.push({
          rule,
          tables: [table.id],
          strength: "error",
          left: atMost ? sum : stated,
          right: atMost ? stated : sum,
          ...(atMost ? { comparator: "le" as const } : {}),
          zh: `${table.sheet}“${colZh}”列：${zh}`,
          en: `${table.sheet}, column "${colZh}": ${en}`,
        });
      };
      if (st.current !== undefined) {
        add("summary.current-total", st.current, st.items, `本年${sideZh}合计 = 各${sideZh}项目之和`, `current-year ${sideEn} total = sum of the ${sideEn} items`);
        for (const c of st.carries) {
          if (!c.parts.length) continue;
          if (c.partial) add("summary.carry-split", c.row, c.parts, `其中各项之和 ≤ 结转结余`, `the listed parts ≤ the carry-over`, true);
          else add("summary.carry-split", c.row, c.parts, `结转结余 = 其下各项之和`, `carry-over = sum of its parts`);
        }
        add(
          "summary.grand-total",
          st.grand,
          [st.current, ...st.carries.map((c) => c.row), ...st.direct],
          `${sideZh}总计 = 本年${sideZh}合计 + 结转结余`,
          `${sideEn} grand total = current-year total + carry-over`,
        );
      } else if (st.grand !== undefined) {
        add("summary.grand-total", st.grand, [...st.items, ...st.carries.map((c) => c.row), ...st.direct], `${sideZh}总计 = 各项之和`, `${sideEn} grand total = sum of the items`);
      }
    }
  }
  // 收入总计 = 支出总计 (first amount column of each side: 金额 / 合计).
  const income = structures.find((s) => s.side.side === "income");
  const expenditure = structures.find((s) => s.side.side === "expenditure");
  if (income?.grand !== undefined && expenditure?.grand !== undefined && income.side.amountCols.length && expenditure.side.amountCols.length) {
    const expCols = table.columns.filter((c) => c.side === "expenditure");
    const expTotalCol = rootTotalColumn(buildColumnTree(expCols, 1)) ?? expenditure.side.amountCols[0];
    out.push({
      rule: "summary.balance",
      tables: [table.id],
      strength: "error",
      left: [key(table, income.grand, income.side.amountCols[0])],
      right: [key(table, expenditure.grand, expTotalCol)],
      zh: `${table.sheet}：收入总计 = 支出总计`,
      en: `${table.sheet}: total income = total expenditure`,
    });
  }
  // Row sums across the expenditure side's columns (合计 = 一般公共预算 + 政府性基金 + 国有资本经营).
  if (expenditure) {
    const expCols = table.columns.filter((c) => c.side === "expenditure");
    const rows = expenditure.side.rows.map((r) => ({ at: r.row, zh: r.label, en: `row ${r.row + 1}` }));
    out.push(...columnSumIdentities(table, rows, expCols, 1));
  }
  return out;
}

const THREE = {
  total: /^(合计|总计)$/,
  subtotal: /三公/,
  abroad: /因公出国/,
  vehicle: /公务用车购置及运/,
  purchase: /公务用车购置费$/,
  ops: /运行(维护)?费$/,
  reception: /公务接待/,
  meeting: /会议费/,
  training: /培训费/,
};

/** 三公 with items as rows: 合计 = 小计 + 会议费 + 培训费; 小计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护. */
export function threePublicRowIdentities(table: RecognisedTable): Identity[] {
  const labelled = table.rows.map((r) => ({ row: r.row, ...parseOrdinalLabel(r.label) }));
  const find = (re: RegExp, from = 0) => labelled.find((r, i) => i >= from && re.test(r.text));
  const total = labelled.find((r) => THREE.total.test(r.text));
  const subtotal = labelled.find((r) => THREE.subtotal.test(r.text) && !THREE.total.test(r.text));
  const abroad = labelled.find((r) => THREE.abroad.test(r.text) && !r.breakdown && r.level > 0) ?? find(THREE.abroad);
  const vehicle = find(THREE.vehicle);
  const purchase = labelled.find((r) => THREE.purchase.test(r.text) && r !== vehicle);
  const ops = labelled.find((r) => THREE.ops.test(r.text) && r !== vehicle);
  const reception = find(THREE.reception);
  const meeting = find(THREE.meeting);
  const training = find(THREE.training);
  const out: Identity[] = [];
  const cols = amountColumns(table);
  const add = (rule: TableRuleId, t: { row: number } | undefined, terms: Array<{ row: number } | undefined>, zh: string, en: string) => {
    const present = terms.filter((x): x is { row: number } => x !== undefined);
    if (!t || present.length === 0) return;
    for (const c of cols) {
      out.push({
        rule,
        tables: [table.id],
        strength: "error",
        left: [key(table, t.row, c.col)],
        right: present.map((x) => key(table, x.row, c.col)),
        zh: `${table.sheet}“${colLabel(table, c.col)}”列：${zh}`,
        en: `${table.sheet}, column "${colLabel(table, c.col)}": ${en}`,
      });
    }
  };
  const core = [abroad, vehicle, reception];
  if (subtotal) {
    add("three-public.subtotal", subtotal, core, "“三公”经费小计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费", '"three public" subtotal = overseas trips + official vehicles + official reception');
    add("three-public.total", total, [subtotal, meeting, training], "合计 = “三公”经费小计 + 会议费 + 培训费", "total = subtotal + meetings + training");
  } else {
    add("three-public.total", total, [...core, meeting, training], "合计 = 因公出国(境)费 + 公务用车 + 公务接待费 (+ 会议费 + 培训费)", "total = sum of the items");
  }
  add("three-public.vehicle", vehicle, [purchase, ops], "公务用车购置及运行维护费 = 购置费 + 运行维护费", "official vehicles = purchase + operation");
  if (abroad && vehicle) {
    const ai = labelled.indexOf(abroad);
    const vi = labelled.indexOf(vehicle);
    const parts = labelled.slice(ai + 1, vi > ai ? vi : ai + 1).filter((r) => THREE.abroad.test(r.text));
    if (parts.length) add("three-public.abroad", abroad, parts, "因公出国(境)费 = 其下各项之和", "overseas trips = sum of its parts");
  }
  return out;
}

/** The table's identities, pushed into `out` (returned). */
export function tableIdentities(table: RecognisedTable, out: Identity[] = []): Identity[] {
  const final = finalTableIdentities(table, out);
  if (final) return final;
  switch (table.kind) {
    case "other":
      return out;
    case "summary":
    case "fiscal-summary":
      return pushAll(out, twoSidedIdentities(table));
    case "three-public":
      if (table.itemsAsColumns) return columnSumIdentities(table, table.rows.map((r) => ({ at: r.row, zh: r.label || `第${r.row + 1}行`, en: `row ${r.row + 1}` })), table.columns, 0, out);
      return columnSumIdentities(table, rowsForColumnSums(table), table.columns, 0, pushAll(out, threePublicRowIdentities(table)));
    case "project-expenditure":
      return columnSumIdentities(table, rowsForColumnSums(table), table.columns, 0, out);
    default: {
      hierarchyIdentities(table, columnSumIdentities(table, rowsForColumnSums(table), table.columns, 0, out));
      if (table.kind === "basic-expenditure") pushAll(out, basicSplitIdentities(table));
      return out;
    }
  }
}

/** `items` appended to `out` (returned), one by one: a spread of a long list overflows the stack. */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) out.push(items[i]);
  return out;
}

export function rowsForColumnSums(table: RecognisedTable): LineText[] {
  return table.rows.map((r) => new RowText(r));
}

/** A parent row's sum (its row, its children's) and its part of the texts, spelled out only when a text is made. */
class ParentText implements SumText {
  constructor(
    private readonly p: RecognisedRow,
    readonly terms: readonly number[],
  ) {}
  get total(): number {
    return this.p.row;
  }
  get zh(): string {
    return `“${rowLabel(this.p)}”= 其下 ${this.terms.length} 行之和`;
  }
  get en(): string {
    return `${rowLabelEn(this.p)} = sum of its ${this.terms.length} sub-rows`;
  }
}

/** A row's label for column-sum texts, spelled out only when a text is made (one per row of every table). */
class RowText implements LineText {
  constructor(private readonly r: RecognisedRow) {}
  get at(): number {
    return this.r.row;
  }
  get zh(): string {
    return rowLabel(this.r);
  }
  get en(): string {
    return rowLabelEn(this.r);
  }
}
