/**
 * Property tests (issue 8) over generated consistent table sets (test/hardening/arbitrary.ts): they check clean; any
 * single amount change of at least 0.02 is flagged naming that cell; shuffling or renaming sheets, inserting blank
 * rows and typing amounts as text change no error or warning; the check is deterministic, also through a live
 * CheckSession. numRuns are kept small so the file stays within ~20 s.
 */
import fc from "fast-check";
import { toA1 } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/engine";
import type { CheckResult, Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { CheckSession } from "../../src/core/session";
import { amountsAsText, insertBlankRow, isAmountCell, renameSheets, setAmount, shuffleSheets } from "../helpers/variants";
import { consistentSet, SET_PROFILE } from "./arbitrary";
import { catalogue } from "./helpers";
import { a1 } from "../../src/core/finding";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };
const options = { catalogue, profile: SET_PROFILE };
const check = (wb: GridWorkbook): CheckResult => checkWorkbook(structuredClone(wb), options);
const notInfo = (r: CheckResult): Finding[] => r.findings.filter((f) => f.severity !== "info");
const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.cells.map((c) => `${c.sheet}!${a1(c)}`).join(",")} ${f.expected ?? ""}/${f.actual ?? ""}`;

interface AmountCell {
  sheet: string;
  row: number;
  col: number;
  value: number;
}

function amountCells(wb: GridWorkbook): AmountCell[] {
  const out: AmountCell[] = [];
  for (const s of wb.sheets)
    s.values.forEach((r, row) =>
      r?.forEach((v, col) => {
        if (typeof v === "number" && isAmountCell(s, row, col)) out.push({ sheet: s.name, row, col, value: v });
      }),
    );
  return out;
}

/** A workbook and one of its amount cells. */
const setAndCell = consistentSet.chain((wb) => fc.tuple(fc.constant(wb), fc.constantFrom(...amountCells(wb))));

/** Cents to add: at least 2 either way. */
const delta = fc.oneof(fc.integer({ min: 2, max: 100_000 }), fc.integer({ min: -100_000, max: -2 }));

function changed(wb: GridWorkbook, c: AmountCell, cents: number): GridWorkbook {
  return setAmount(wb, c.sheet, toA1(c.row, c.col), Math.round(c.value * 100 + cents) / 100);
}

/** What a finding says, without where: for comparing checks of workbooks whose cells moved. */
const what = (f: Finding) => `${f.severity} ${f.rule} ${f.expected ?? ""} ${f.actual ?? ""} ${f.cells.length}`;
const whatSorted = (r: CheckResult) => notInfo(r).map(what).sort();

describe("generated consistent table sets", () => {
  it("check clean: no error or warning", () => {
    fc.assert(
      fc.property(consistentSet, (wb) => {
        const r = check(wb);
        expect(r.tables.map((t) => t.kind)).toEqual(["summary", "expenditure", "general-expenditure", "basic-expenditure"]);
        expect(notInfo(r).map(brief)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("any single amount change of ≥ 0.02 is flagged, naming that cell (first, when it breaks two identities)", () => {
    fc.assert(
      fc.property(setAndCell, delta, ([wb, cell], cents) => {
        const r = check(changed(wb, cell, cents));
        const address = toA1(cell.row, cell.col);
        const names = (f: Finding) => f.cells.some((c) => c.sheet === cell.sheet && a1(c) === address);
        const flagged = notInfo(r).filter(names);
        const report = { cell: `${cell.sheet}!${address}`, all: notInfo(r).map(brief) };
        expect({ ...report, flagged: flagged.length > 0 }).toMatchObject({ flagged: true });
        // An amount read by two or more failing identities is the likely culprit: it is named first.
        if (flagged.length >= 2)
          expect({ ...report, first: flagged.some((f) => f.cells[0].sheet === cell.sheet && a1(f.cells[0]) === address) }).toMatchObject({ first: true });
      }),
      RUNS,
    );
  });

  it("shuffling the sheets changes no finding at all", () => {
    fc.assert(
      fc.property(setAndCell, delta, fc.integer(), ([wb, cell], cents, seed) => {
        const bad = changed(wb, cell, cents);
        expect(check(shuffleSheets(bad, seed)).findings).toEqual(check(bad).findings);
      }),
      RUNS,
    );
  });

  it("renaming the sheets changes no error or warning (beyond the names)", () => {
    fc.assert(
      fc.property(setAndCell, delta, ([wb, cell], cents) => {
        const bad = changed(wb, cell, cents);
        const renamed = renameSheets(bad, "Sheet");
        const names = new Map(bad.sheets.map((s, i) => [s.name, `Sheet${i + 1}`]));
        const expected = notInfo(check(bad)).map((f) => ({ ...f, cells: f.cells.map((c) => ({ ...c, sheet: names.get(c.sheet)! })) }));
        const got = notInfo(check(renamed));
        // Messages quote sheet names; compare everything else exactly.
        const strip = (f: Finding) => ({ rule: f.rule, severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual });
        expect(got.map(strip).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
          expected.map(strip).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        );
      }),
      RUNS,
    );
  });

  it("inserting a blank row anywhere in a table changes no error or warning", () => {
    const withRow = setAndCell.chain(([wb, cell]) =>
      fc.tuple(fc.constant(wb), fc.constant(cell), fc.nat({ max: wb.sheets.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.nat({ max: wb.sheets[i].rowCount! })))),
    );
    fc.assert(
      fc.property(withRow, delta, fc.boolean(), ([wb, cell, [sheetIndex, row]], cents, mutate) => {
        const input = mutate ? changed(wb, cell, cents) : wb;
        const blank = insertBlankRow(input, wb.sheets[sheetIndex].name, row);
        expect(whatSorted(check(blank))).toEqual(whatSorted(check(input)));
      }),
      RUNS,
    );
  });

  it("typing the amounts as text (\"1234.56\" or \"1,234.56\") changes no error or warning", () => {
    fc.assert(
      fc.property(setAndCell, delta, fc.boolean(), ([wb, cell], cents, thousands) => {
        const bad = changed(wb, cell, cents);
        const asText = check(amountsAsText(bad, { thousands }));
        expect(notInfo(asText)).toEqual(notInfo(check(bad)));
        expect(asText.findings.some((f) => f.rule === "cell.number-as-text")).toBe(true);
      }),
      RUNS,
    );
  });

  it("is deterministic: the same input gives identical output, and a live edit equals a fresh check", () => {
    fc.assert(
      fc.property(setAndCell, delta, ([wb, cell], cents) => {
        const first = check(wb);
        expect(JSON.stringify(check(wb))).toBe(JSON.stringify(first));
        const bad = changed(wb, cell, cents);
        const session = new CheckSession(structuredClone(wb), options);
        const range = { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
        const after = session.update({ kind: "cells", sheet: cell.sheet, range, values: [[Math.round(cell.value * 100 + cents) / 100]] });
        expect(after.result).toEqual(check(bad));
        // …and typing the old value back restores the clean result.
        const back = session.update({ kind: "cells", sheet: cell.sheet, range, values: [[cell.value]] });
        expect(back.result).toEqual(first);
      }),
      RUNS,
    );
  });
});
