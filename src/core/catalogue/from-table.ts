/**
 * Feeds the catalogue rules from a recognised table: one CodeRow per coded row, with the cells to mark, the enclosing
 * row's code (by position, so a 项 listed under another 款 is caught) and the 政府经济分类 code printed beside a
 * 部门经济分类 code.
 */
import type { FindingCell } from "../finding";
import type { RecognisedRow, RecognisedTable } from "../recognise/types";
import { classifyCode, type Classification } from "../codes/classify";
import type { CodeRow } from "./rules";

/**
 * A table's code row, every field set at creation (one shape), refilled for each row of a walk that keeps none; its
 * cells are made when asked for (for the few rows that make a finding).
 */
class TableCodeRow implements CodeRow {
  sheet = "";
  code = "";
  classification: Classification = "function";
  parentCode: string | undefined = undefined;
  name: string | undefined = undefined;
  pairedCode: { code: string; cell: FindingCell } | undefined = undefined;
  private row = 0;
  private cols: readonly number[] = [];
  private nameCol: number | undefined = undefined;

  fill(
    sheet: string,
    row: number,
    cols: readonly number[],
    code: string,
    classification: Classification,
    parentCode: string | undefined,
    name: string | undefined,
    nameCol: number | undefined,
    pairedCode: { code: string; cell: FindingCell } | undefined,
  ): this {
    this.sheet = sheet;
    this.row = row;
    this.cols = cols;
    this.code = code;
    this.classification = classification;
    this.parentCode = parentCode;
    this.name = name;
    this.nameCol = nameCol;
    this.pairedCode = pairedCode;
    return this;
  }

  get codeCells(): FindingCell[] {
    return this.cols.map((col) => ({ sheet: this.sheet, row: this.row, col }));
  }
  /** The name's cell, where it is not the code's own cell ("2080505 行政单位离退休" in one cell). */
  get nameCell(): FindingCell | undefined {
    const col = this.nameCol;
    return col !== undefined && col !== this.cols[0] ? { sheet: this.sheet, row: this.row, col } : undefined;
  }
}

/** A table's code rows, each its own object. */
export function codeRowsOfTable(table: RecognisedTable): CodeRow[] {
  return [...new CodeRowWalk([table], true)];
}

/**
 * The code rows of the tables in order, for checkCodeRows (which keeps none): one row object refilled at each step,
 * so a row is read before the next is asked for; a check of 100,000 rows makes objects only for its findings.
 */
export function codeRowsOfTables(tables: readonly RecognisedTable[]): Iterable<CodeRow> {
  return { [Symbol.iterator]: () => new CodeRowWalk(tables, false) };
}

/** Codes above in the current unit's block, for one classification, indexed by code length. */
interface Above {
  codes: string[];
  orders: number[];
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The walk over the tables' rows. One result object, refilled at each step (a for-of reads it before asking for the
 * next): a generator's result objects, one per row and per delegation, were most of what the walk allocated.
 */
class CodeRowWalk implements IterableIterator<CodeRow> {
  private readonly shared = new TableCodeRow();
  private table = 0;
  private index = 0;
  // The latest code seen above at each length (per classification), in the current unit's block; reset at unit
  // and total rows. Codes are 3/5/7/9 digits, so finding the enclosing row is constant time, not a scan upwards.
  private above = new Map<Classification, Above>();
  private order = 0;
  private readonly result: IteratorYieldResult<CodeRow> = { done: false, value: undefined as unknown as CodeRow };

  /** `fresh`: a new object per row, else one refilled. */
  constructor(
    private readonly tables: readonly RecognisedTable[],
    private readonly fresh: boolean,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<CodeRow, undefined> {
    while (this.table < this.tables.length) {
      const table = this.tables[this.table];
      if (this.index >= table.rows.length) {
        this.table++;
        this.index = 0;
        this.above = new Map();
        this.order = 0;
        continue;
      }
      const row = this.codeRow(table, table.rows[this.index++]);
      if (row !== undefined) {
        this.result.value = row;
        return this.result;
      }
    }
    return DONE;
  }

  private codeRow(table: RecognisedTable, r: RecognisedRow): CodeRow | undefined {
    if (r.role !== "code" || !r.code) {
      if (r.role === "unit" || r.role === "total") this.above = new Map();
      return undefined;
    }
    const code = r.code.code;
    const classification = r.code.classification ?? classifyCode(code);
    if (!classification) return undefined;
    // Nearest row above with a shorter code of the same classification: the row this one is listed under.
    let parentCode: string | undefined;
    let nearest = -1;
    let seen = this.above.get(classification);
    if (!seen) this.above.set(classification, (seen = { codes: [], orders: [] }));
    for (let len = 1; len < code.length; len++) {
      const at = seen.orders[len];
      if (at !== undefined && at > nearest) {
        nearest = at;
        parentCode = seen.codes[len];
      }
    }
    seen.codes[code.length] = code;
    seen.orders[code.length] = this.order++;
    let paired: { code: string; cell: FindingCell } | undefined;
    if (r.secondaryCode && classification === "dept-economic" && classifyCode(r.secondaryCode.code) === "gov-economic") {
      const col = r.secondaryCode.cols[0];
      if (col !== undefined) paired = { code: r.secondaryCode.code, cell: { sheet: table.sheet, row: r.row, col } };
    }
    const name = r.code.name ?? r.label;
    const row = this.fresh ? new TableCodeRow() : this.shared;
    return row.fill(table.sheet, r.row, r.code.cols, code, classification, parentCode, name || undefined, r.code.nameCol, paired);
  }
}
