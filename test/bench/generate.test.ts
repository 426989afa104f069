/**
 * The benchmark generator must produce workbooks the checker finds clean: otherwise the bench would time finding
 * reporting rather than checking, and a regression that breaks recognition would pass unnoticed as "fast".
 */
import { checkWorkbook, identitiesFor, recogniseAll } from "../../src/core/engine";
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import { readXlsxBuffer } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "../helpers/grid-to-xlsx";
import type { GridWorkbook } from "../../src/core/grid";
import { generateWorkbook, totalRows } from "../../bench/generate";
import { Prng } from "../../bench/prng";

const KINDS = [
  "summary",
  "revenue",
  "expenditure",
  "fiscal-summary",
  "general-expenditure",
  "basic-expenditure",
  "fund-expenditure",
  "state-capital-expenditure",
  "three-public",
];

function notInfo(wb: GridWorkbook, withCatalogue: boolean) {
  const r = checkWorkbook(wb, withCatalogue ? { catalogue: getCatalogueSync() } : {});
  return r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule}: ${f.message}`);
}

describe("bench generator", () => {
  const wb = generateWorkbook(1_000);

  it("is about the requested size", () => {
    const rows = totalRows(wb);
    expect(rows).toBeGreaterThanOrEqual(1_000);
    expect(rows).toBeLessThan(1_300);
  });

  it("is deterministic", () => {
    expect(generateWorkbook(1_000)).toEqual(wb);
  });

  it("recognises the nine tables, one per sheet, with the right kinds", () => {
    const tables = recogniseAll(wb);
    expect(tables.map((t) => t.kind)).toEqual(KINDS);
    expect(tables.filter((t) => t.empty).map((t) => t.kind)).toEqual(["fund-expenditure", "state-capital-expenditure"]);
  });

  it("satisfies every identity: no error or warning findings, with or without the catalogue", () => {
    expect(notInfo(wb, false)).toEqual([]);
    expect(notInfo(wb, true)).toEqual([]);
  });

  it("exercises the in-table and cross-table identities of the spec", () => {
    const rules = new Set(identitiesFor(recogniseAll(wb)).map((i) => i.rule));
    for (const rule of [
      "table.columns-sum",
      "hierarchy.sum",
      "table.total-row",
      "summary.balance",
      "basic.personnel",
      "three-public.subtotal",
      "cross.summary-expenditure-class",
      "cross.summary-revenue-source",
      "cross.fiscal-fund-class",
      "cross.general-basic-total",
      "cross.general-within-expenditure",
      "cross.basic-function",
      "cross.basic-three-public",
    ])
      expect(rules).toContain(rule);
  });

  it("stays clean through .xlsx (amounts written as numbers with two decimals)", async () => {
    const back = await readXlsxBuffer(await gridToXlsx(wb), "budget-1000.xlsx");
    expect(notInfo(back, false)).toEqual([]);
    expect(back.sheets[1].numberFormats?.[5]?.[3]).toBe("#,##0.00");
  });

  it("breaks an identity when one amount changes (the bench checks real work)", () => {
    const copy = structuredClone(wb);
    const sheet = copy.sheets.find((s) => s.name === "支出总表")!;
    const row = sheet.values.findIndex((r, i) => i > 6 && typeof r[4] === "number");
    sheet.values[row][4] = (sheet.values[row][4] as number) + 0.01;
    expect(notInfo(copy, false).length).toBeGreaterThan(0);
  });
});

describe("Prng", () => {
  it("splits a total exactly", () => {
    const p = new Prng(7);
    for (let i = 0; i < 50; i++) {
      const total = p.int(0, 1_000_000);
      const parts = p.split(total, p.int(1, 9));
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...parts)).toBeGreaterThanOrEqual(0);
    }
  });
});
