/**
 * Excel names only the edited cells in onChanged, never the formulas it recalculated: the live checker re-reads the
 * session's formula cells with the edited areas, so a 合计 =SUM(…) that followed the edit raises no false sum error.
 */
import { checkWorkbook } from "../../src/core/engine";
import type { GridWorkbook } from "../../src/core/grid";
import { changeList, CheckSession, type GridChange } from "../../src/core/session";
import { FormulaWatch } from "../../src/live/formula-watch";
import { LiveChecker } from "../../src/live/live-checker";
import { parseRange, rangeToA1 } from "../../src/core/address";
import { MemoryHost } from "../../src/host/memory-host";
import { OfficeHost } from "../../src/excel/office-host";
import { PreviewHost } from "../../src/preview/preview-host";
import { FakeExcel, type FakeCell } from "../excel/fake-excel";
import { caps } from "../excel/fixtures";

/** A 支出表 whose 合计 row is =SUM(…) of the rows and whose 合计 column is =D+E, on `sheets` sheets, plus a summary sheet reading the first by a cross-sheet formula. */
function budget(rows: number, sheets = 1): GridWorkbook {
  const wb: GridWorkbook = { sheets: [] };
  for (let s = 0; s < sheets; s++) {
    const values: (string | number | null)[][] = [["2024年一般公共预算支出表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]];
    const formulas: (string | null)[][] = [[], [], []];
    const last = 4 + rows;
    values.push(["", "合计", 0, 0, 0]);
    formulas.push([null, null, `SUM(C5:C${last})`, `SUM(D5:D${last})`, `SUM(E5:E${last})`]);
    for (let r = 0; r < rows; r++) {
      values.push([String(2080501 + r), `项目${r}`, 30 + r, 10 + r, 20]);
      formulas.push([null, null, `D${r + 5}+E${r + 5}`]);
    }
    const sum = (col: number) => values.slice(4).reduce((n, row) => n + Number(row[col]), 0);
    values[3] = ["", "合计", sum(2), sum(3), sum(4)];
    wb.sheets.push({ name: `支出${s + 1}`, values, formulas, merges: [] });
  }
  return wb;
}

function fakeOf(wb: GridWorkbook): FakeExcel {
  const excel = new FakeExcel({ calculate: true });
  for (const s of wb.sheets)
    excel.addSheet(
      s.name,
      s.values.map((row, r) => row.map((v, c): FakeCell | null => (v === null ? null : { value: v as string | number, formula: s.formulas?.[r]?.[c] ? `=${s.formulas[r][c]}` : undefined }))),
    );
  return excel;
}

/** The fake's current cells as a grid, for a fresh full check to compare with. */
async function fullCheckOf(excel: FakeExcel) {
  const host = new OfficeHost(excel.runner, { capabilities: caps() });
  return checkWorkbook(await host.readWorkbook());
}

async function liveOver(excel: FakeExcel) {
  const host = new OfficeHost(excel.runner, { capabilities: caps() });
  const fed: number[] = [];
  const checker = watchedChecker(host, (changes) => fed.push(changes.length));
  await checker.start();
  return { checker, fed };
}

/** A live checker whose session reports every list of changes it is given before applying it. */
function watchedChecker(host: ConstructorParameters<typeof LiveChecker>[0], seen: (changes: GridChange[]) => void): LiveChecker {
  return new LiveChecker(host, {
    debounceMs: 10_000,
    createSession: (grid) => {
      const s = new CheckSession(grid);
      const update = s.update.bind(s);
      s.update = (c) => {
        seen(changeList(c));
        return update(c);
      };
      return s;
    },
  });
}

describe("cells Excel recalculated after an edit (no event names them)", () => {
  it("a leaf edit: the =SUM 合计 and the =D+E row total are re-read with it, no false sum error", async () => {
    const excel = fakeOf(budget(3));
    const { checker } = await liveOver(excel);
    expect(checker.findings).toEqual([]);
    await excel.userEdit("支出1", "D6", 50);
    expect(excel.sheet("支出1").cells.get("0000003:00003")?.value).toBe(72); // Excel recalculated D4 = 10 + 50 + 12
    await checker.flush();
    expect(checker.findings).toEqual([]);
    expect(checker.findings).toEqual((await fullCheckOf(excel)).findings);
  });

  it("a wrong leaf is still reported, against the recalculated totals", async () => {
    const excel = fakeOf(budget(3));
    const { checker } = await liveOver(excel);
    // A constant typed over a row's =D+E: Excel recalculates the 合计 row, the row itself is now inconsistent.
    await excel.userEdit("支出1", "C6", 99);
    await checker.flush();
    expect(checker.findings.length).toBeGreaterThan(0);
    expect(checker.findings).toEqual((await fullCheckOf(excel)).findings);
  });

  it("the syncs of a burst do not grow with the number of formula cells", async () => {
    const syncsPerBurst = async (rows: number, sheets: number) => {
      const excel = fakeOf(budget(rows, sheets));
      const { checker, fed } = await liveOver(excel);
      const before = excel.syncCount;
      const unchanged = checker.findings;
      await excel.userEdit("支出1", "D6", 50);
      await excel.userEdit("支出1", "E7", 25);
      await checker.flush();
      expect(checker.findings).toEqual(unchanged); // several sheets: only the duplicate-table notes
      expect(checker.findings.some((f) => f.rule.startsWith("table."))).toBe(false);
      expect(fed).toHaveLength(1); // one update for the burst
      return excel.syncCount - before;
    };
    const small = await syncsPerBurst(3, 1);
    expect(small).toBe(1); // the edited areas and the formula areas in one read; no finding changed, no write
    expect(await syncsPerBurst(60, 6)).toBe(small);
  });

  it("only formula cells whose value moved reach the session", async () => {
    const excel = fakeOf(budget(5, 2));
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const changes: string[] = [];
    const checker = watchedChecker(host, (list) => {
      for (const x of list) if (x.kind === "cells") changes.push(`${x.sheet}!${x.range.top},${x.range.left}:${x.range.bottom},${x.range.right}`);
    });
    await checker.start();
    await excel.userEdit("支出1", "D6", 50);
    await checker.flush();
    // The edit (D6), then C4:D4 of the 合计 row and C6 of its row; nothing of 支出2.
    expect(changes.sort()).toEqual(["支出1!3,2:3,3", "支出1!5,2:5,2", "支出1!5,3:5,3"]);
  });
});

describe("FormulaWatch regions", () => {
  const wb = budget(200);
  const tables = checkWorkbook(structuredClone(wb)).tables;
  const a1 = (rs: { sheet: string; range: Parameters<typeof rangeToA1>[0] }[]) => rs.map((r) => `${r.sheet}!${rangeToA1(r.range)}`);

  it("few rectangles: the 合计 row and the =D+E column as one block", () => {
    expect(a1(new FormulaWatch(wb).regions(tables))).toEqual(["支出1!C4:E204"]);
  });

  it("over the cell budget: the edited rows' formulas, then the smallest strips (the 合计 row), not the whole column", () => {
    const edited = [{ sheet: "支出1", range: parseRange("D6") }];
    expect(a1(new FormulaWatch(wb).regions(tables, new Set(), edited, 50))).toEqual(["支出1!C6", "支出1!C4:E4"]);
  });
});

describe("recalculation without an edit (ExcelApi 1.8 onCalculated)", () => {
  async function manual(patch = {}) {
    const excel = fakeOf(budget(3));
    excel.calculate = false; // manual calculation: an edit leaves the totals as they were
    const host = new OfficeHost(excel.runner, { capabilities: caps(patch) });
    const checker = new LiveChecker(host, { debounceMs: 10_000 });
    await checker.start();
    await excel.userEdit("支出1", "D6", 50);
    await checker.flush();
    // What the sheet shows: a total Excel has not recalculated yet does not add up.
    expect(checker.findings.some((f) => f.rule === "table.columns-sum")).toBe(true);
    return { excel, checker };
  }

  it("F9 in manual mode: the formula cells are re-read, the stale finding goes", async () => {
    const { excel, checker } = await manual();
    const before = excel.syncCount;
    await excel.userCalculate();
    await checker.flush();
    expect(excel.syncs.length - before).toBe(2); // the formula read, the marks' write
    expect(checker.findings.some((f) => f.rule === "table.columns-sum")).toBe(false);
    expect(checker.findings).toEqual((await fullCheckOf(excel)).findings);
  });

  it("below ExcelApi 1.8 there is no onCalculated: the totals are re-read with the next edit", async () => {
    const { excel, checker } = await manual({ calculatedEvents: false });
    expect(excel.handlers.calculated).toHaveLength(0);
    await excel.userCalculate();
    await checker.flush();
    expect(checker.findings.some((f) => f.rule === "table.columns-sum")).toBe(true);
    await excel.userEdit("支出1", "B5", "项目0"); // an edit that changes nothing itself
    await checker.flush();
    expect(checker.findings.some((f) => f.rule === "table.columns-sum")).toBe(false);
  });
});

describe("the memory and preview hosts behave the same", () => {
  it("MemoryHost: a total the test recalculates (as Excel would, silently) is re-read", async () => {
    const host = new MemoryHost(budget(3));
    const checker = new LiveChecker(host, { debounceMs: 10_000 });
    await checker.start();
    host.setCellValue("支出1", "D6", 50);
    // What Excel's recalculation does, without an event: D4 and C6, C4 follow.
    const s = host.workbook.sheets[0];
    s.values[3][3] = 72;
    s.values[5][2] = 70;
    s.values[3][2] = 132;
    await checker.flush();
    expect(checker.findings).toEqual([]);
  });

  it("MemoryHost: a recalculation announced without an edit (as onCalculated) is re-read", async () => {
    const host = new MemoryHost(budget(3));
    const checker = new LiveChecker(host, { debounceMs: 10_000 });
    await checker.start();
    host.setCellValue("支出1", "D6", 50);
    await checker.flush();
    expect(checker.findings.some((f) => f.rule === "table.columns-sum")).toBe(true); // not recalculated yet
    const s = host.workbook.sheets[0];
    s.values[3][3] = 72;
    s.values[5][2] = 70;
    s.values[3][2] = 132;
    host.calculated();
    await checker.flush();
    expect(checker.findings).toEqual([]);
  });

  it("PreviewHost: recalculated cells are announced and read once, not fed twice", async () => {
    const host = new PreviewHost(budget(3));
    const changes: string[] = [];
    const checker = watchedChecker(host, (list) => {
      for (const x of list) if (x.kind === "cells") changes.push(`${x.sheet}!${x.range.top},${x.range.left}`);
    });
    await checker.start();
    const reads = host.calls.reads;
    host.setCellValue("支出1", "D6", 50);
    await checker.flush();
    expect(checker.findings).toEqual([]);
    expect(host.calls.reads - reads).toBe(1);
    expect(new Set(changes).size).toBe(changes.length);
  });
});
