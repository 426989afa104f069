import { rangeContains } from "../../../src/core/address";
import { loadCatalogue } from "../../../src/core/catalogue";
import { checkWorkbookWithTables, recogniseAll } from "../../../src/core/engine";
import type { CheckResult } from "../../../src/core/finding";
import type { GridWorkbook } from "../../../src/core/grid";
import type { RecognisedTable } from "../../../src/core/recognise/types";
import { tableOf } from "../../../src/core/report/group";
import { formatJsonReport } from "../../../src/cli/report-json";
import { CheckSession } from "../../../src/core/session";
import fs from "node:fs";
import { FIXTURE_NAMES, fixturesDir, loadFixture } from "../../helpers/fixtures";

/** Every workbook in test/fixtures, the published ones and the templates. */
const WORKBOOKS = fs.readdirSync(fixturesDir()).filter((f) => f.endsWith(".xlsx")).sort();

/** Each finding's table as the reports found it before findings carried ids: the first whose range holds cells[0]. */
function expectPlaced(result: CheckResult, tables: readonly RecognisedTable[]): { inTable: number; outside: number } {
  const counts = { inTable: 0, outside: 0 };
  for (const f of result.findings) {
    const c = f.cells[0];
    const holder = c && c.file === undefined ? tables.find((t) => t.sheet === c.sheet && rangeContains(t.range, c.row, c.col)) : undefined;
    expect([f.rule, c, f.table]).toEqual([f.rule, c, holder?.id]);
    expect(tableOf(f, result.tables)?.id).toBe(holder?.id);
    counts[holder ? "inTable" : "outside"]++;
  }
  return counts;
}

/** Every seventh number in each table's amount block off by one: sums of every kind (in-table and cross-table) fail. */
function corrupt(wb: GridWorkbook): GridWorkbook {
  let n = 0;
  for (const t of recogniseAll(wb)) {
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    for (let r = t.range.top; r <= t.range.bottom; r++)
      for (let c = t.range.left; c <= t.range.right; c++) {
        const v = sheet.values[r]?.[c];
        if (typeof v === "number" && n++ % 7 === 0) sheet.values[r][c] = v + 1;
      }
  }
  return wb;
}

describe("findings carry the id of the table holding their first cell", () => {
  test.each(WORKBOOKS)("%s, as published and with wrong amounts, codes checked", async (name) => {
    const catalogue = await loadCatalogue();
    const plain = checkWorkbookWithTables(await loadFixture(name), { catalogue });
    expectPlaced(plain.result, plain.tables);
    const wrong = checkWorkbookWithTables(corrupt(await loadFixture(name)), { catalogue });
    const counts = expectPlaced(wrong.result, wrong.tables);
    expect(counts.inTable).toBeGreaterThan(0);
    // The ids stay out of the CLI's JSON (spec §3 and §4 records only).
    const json = formatJsonReport("f.xlsx", wrong.result);
    expect(json).not.toMatch(/"(table|id)":/);
    expect(json).toBe(formatJsonReport("f.xlsx", { tables: wrong.result.tables.map(({ id: _id, ...t }) => t), findings: wrong.result.findings.map(({ table: _t, ...f }) => f) }));
  });
});

describe("a finding outside every table", () => {
  test("a 决算's year read from its cover sheet: the note names the cover cell and no table", async () => {
    const wb = await loadFixture("shanghai-final-template-2024");
    wb.sheets.unshift({ name: "封面", values: [[null], [null, "上海市某某单位2024年度部门决算"]], merges: [] });
    const { result, tables } = checkWorkbookWithTables(wb);
    const note = result.findings.find((f) => f.rule === "document.year-source")!;
    expect(note.cells[0]).toEqual({ sheet: "封面", row: 1, col: 1 });
    expect(note.table).toBeUndefined();
    expect(expectPlaced(result, tables)).toEqual({ inTable: result.findings.length - 1, outside: 1 });
  });
});

describe("a table renumbered on its sheet", () => {
  test("a finding whose table took another id is changed in the delta, not kept with the old id", async () => {
    const wb = corrupt(await loadFixture(FIXTURE_NAMES[1]));
    const { tables, result } = checkWorkbookWithTables(structuredClone(wb));
    const t = tables.find((x) => result.findings.some((f) => f.table === x.id && f.rule === "table.columns-sum"))!;
    // That sheet alone, twice side by side (a blank column between, formulas dropped): tables #0 left and #1 right.
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    wb.sheets = [sheet];
    const width = Math.max(...sheet.values.map((r) => r.length));
    sheet.values = sheet.values.map((r) => [...Array.from({ length: width }, (_, c) => r[c] ?? null), null, ...r]);
    sheet.merges = [...sheet.merges, ...sheet.merges.map((m) => ({ ...m, left: m.left + width + 1, right: m.right + width + 1 }))];
    for (const k of ["formulas", "texts", "numberFormats", "colCount"] as const) delete sheet[k];
    const session = new CheckSession(wb);
    expect(session.tables().map((x) => x.id)).toEqual([`${t.sheet}#0`, `${t.sheet}#1`]);
    const right = session.result().findings.filter((f) => f.table === `${t.sheet}#1` && f.rule === "table.columns-sum");
    expect(right.length).toBeGreaterThan(0);

    // The left copy cleared: the right one is now the sheet's only table, #0; its sum findings name the same cells.
    const blank = sheet.values.map(() => Array.from({ length: width }, () => null));
    const after = session.update({ kind: "cells", sheet: t.sheet, range: { top: 0, left: 0, bottom: sheet.values.length - 1, right: width - 1 }, values: blank });
    expect(session.tables().map((x) => x.id)).toEqual([`${t.sheet}#0`]);
    expectPlaced(after.result, session.tables());
    const moved = after.delta.changed.filter((c) => c.before.rule === "table.columns-sum");
    expect(moved.map((c) => [c.before.table, c.after.table])).toEqual(right.map(() => [`${t.sheet}#1`, `${t.sheet}#0`]));
  });
});
