/**
 * The core evaluator (src/core/formula) against HyperFormula, an Excel-compatible engine used here as the oracle
 * (dev only: it is GPL): every template's formulas with random amounts and codes typed as text or as numbers, and the
 * criteria, rounding and conditions accountants write by hand. Anything the evaluator does not read gives null.
 */
import { computeFormula, recalculate as recalculateCore } from "../../src/core/formula/evaluate";
import type { CellValue, GridWorkbook } from "../../src/core/grid";
import { buildFinalTemplate, buildTemplate, finalTemplateKinds, placeTemplate, templateKinds, templatesToWorkbook, type TemplateStyle } from "../../src/core/templates";
import { book, sheet } from "./build";
import { recalculate as recalculateExcel } from "./templates/excel-eval";
import { OPTIONS } from "./templates/helpers";

/** A small deterministic generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every formula cell's value after our recalculation, and after HyperFormula's. */
function bothWays(wb: GridWorkbook): { ours: CellValue[]; excel: CellValue[] } {
  const ours = structuredClone(wb);
  for (const u of recalculateCore(ours)) ours.sheets.find((s) => s.name === u.sheet)!.values[u.row][u.col] = u.value;
  const excel = recalculateExcel(structuredClone(wb));
  const values = (w: GridWorkbook) =>
    w.sheets.flatMap((s) => (s.formulas ?? []).flatMap((row, r) => (row ?? []).flatMap((f, c) => (f ? [s.values[r]?.[c] ?? null] : []))));
  return { ours: values(ours), excel: values(excel) };
}

/** Amount cells (#,##0.00, no formula) get random amounts or stay blank; code cells (text format) random codes. */
function fill(wb: GridWorkbook, next: () => number): void {
  for (const s of wb.sheets) {
    s.numberFormats?.forEach((row, r) =>
      row?.forEach((fmt, c) => {
        if (s.formulas?.[r]?.[c]) return;
        const here = s.values[r]?.[c];
        if (fmt === "#,##0.00" && (here === null || here === undefined || here === "")) {
          const x = next();
          (s.values[r] ??= [])[c] = x < 0.3 ? null : x < 0.4 ? 0 : Math.round(next() * 1e9) / 100;
        } else if (fmt === "@" && (here === null || here === undefined || here === "")) {
          const x = next();
          const digits = [3, 5, 7][Math.floor(next() * 3)];
          const code = String(2 * 10 ** (digits - 1) + Math.floor(next() * 10 ** (digits - 1)));
          // Codes typed as text, as numbers (LEN reads both), or left blank.
          (s.values[r] ??= [])[c] = x < 0.2 ? null : x < 0.5 ? Number(code) : code;
        }
      }),
    );
  }
}

const STYLES: TemplateStyle[] = ["unit", "department"];

describe("our evaluator = HyperFormula on every template, filled with random amounts", () => {
  const kinds = templateKinds().map((k) => k.kind);
  it.each(STYLES.flatMap((style) => kinds.map((kind) => [kind, style] as const)))("%s (%s style)", (kind, style) => {
    const next = random(kind.length * 7919 + style.length);
    for (let round = 0; round < 4; round++) {
      const wb = templatesToWorkbook([placeTemplate(buildTemplate(kind, { ...OPTIONS, style }), { row: round, col: round }, "表")]);
      // The first round is the template as inserted (no amounts: row totals blank, totals 0).
      if (round > 0) fill(wb, next);
      const { ours, excel } = bothWays(wb);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(excel);
    }
  });

  it.each(finalTemplateKinds().map((k) => k.kind))("决算 %s", (kind) => {
    const next = random(kind.length * 104729);
    const wb = templatesToWorkbook([placeTemplate(buildFinalTemplate(kind, OPTIONS), { row: 0, col: 0 }, "表")]);
    fill(wb, next);
    const { ours, excel } = bothWays(wb);
    expect(ours).toEqual(excel);
  });
});

describe("formulas accountants write, against HyperFormula", () => {
  // Codes as text and as numbers, names, amounts with blanks, a text amount, TRUE, and a negative figure.
  const rows: CellValue[][] = [
    ["201", "一般公共服务支出", 1200.5, 10],
    ["20101", "人大事务", 700.25, -3.456],
    [2010101, "行政运行", 500.25, null],
    ["20102", "政协事务", null, 2.5],
    ["2010201", "行政运行", 300, "12"],
    ["208", "社会保障和就业支出", 88.12, true],
    [null, "合计", 1200.5, 0],
    // HyperFormula reads no thousands separators in text ("1,234.00"), so the oracle case uses plain numeric text.
    ["30101", "基本工资", "1234.00", 7],
  ];
  const formulas = [
    'SUMIF(A1:A8,"<>",C1:C8)',
    'SUMIF(A1:A8,"201*",C1:C8)',
    'SUMIF(A1:A8,"2010?",C1:C8)',
    'SUMIF(A1:A8,"=20102",C1:C8)',
    'SUMIF(A1:A8,"=",C1:C8)',
    'SUMIF(C1:C8,">0")',
    'SUMIF(C1:C8,">=500.25",D1:D8)',
    'SUMIF(D1:D8,"<0",C1:C8)',
    'SUMIF(D1:D8,"<>0",C1:C8)',
    'SUMIF(B1:B8,"行政运行",C1:C8)',
    'SUMIF(B1:B8,"*事务",C1:C8)',
    'SUMIF(B1:B8,"<>合计",C1:C8)',
    "SUMIF(A:A,\"201*\",C:C)",
    'SUMIFS(C1:C8,A1:A8,"201*",D1:D8,">0")',
    'SUMIFS(D1:D8,B1:B8,"行政运行")',
    'COUNTIF(A1:A8,"<>")+COUNTIF(C1:C8,">100")',
    "SUMPRODUCT(--(LEN(A1:A8)=7),C1:C8)",
    "SUMPRODUCT(--(LEN(A1:A7)=5),C1:C7,D1:D7)",
    "SUMPRODUCT((LEN(A1:A8)=3)*C1:C8)",
    "ROUND(D2,2)",
    "ROUND(C1/3,2)",
    "ROUND(-2.5,0)",
    "ROUND(1234.5,-2)",
    "ROUND(D2,)",
    "ABS(D2)+ABS(-C1)",
    "IF(C1>C2,C1-C2,0)",
    'IF(C1=C7,"正确","错误")',
    "IF(ABS(C1-SUM(C2,C4))<0.01,TRUE(),FALSE())",
    "IF(C2<C3,1)",
    'IF(COUNT(C3:D3),SUM(C3:D3),"")',
    'IF(COUNT(C4,C6),SUM(C4,C6),"")',
    "C1-SUM(C2,C4)",
    "D5+1",
    "D6*2",
    "C8+0",
    "SUM(C1:D8)",
    "COUNT(C1:D8)",
    "MAX(C1:C8)-MIN(C1:C8)",
    "C1/D7",
    "2^10-C3*100",
    'A1&"-"&B1',
    "(C1+C2)*(1-0.5)/4",
    "-C1+-(-C2)",
  ];
  const wb = () => {
    const w = book(sheet("S", rows.map((r) => [...r])));
    return w;
  };
  it.each(formulas)("%s", (formula) => {
    const w = wb();
    const s = w.sheets[0];
    s.formulas = [];
    s.formulas[10] = [];
    s.formulas[10][5] = formula;
    (s.values[10] ??= [])[5] = null;
    const excel = recalculateExcel(structuredClone(w)).sheets[0].values[10][5];
    expect(computeFormula(w, "S", formula)).toEqual(excel);
  });

  it.each(["VLOOKUP(1,A1:C8,2,FALSE)", "INDIRECT(\"A1\")", "Total*2", "SUM(A1:B2", "SUMIF(A1:A8,\"<>\",C1:C4)", "{1,2}"])("%s is not computed here", (formula) => {
    expect(computeFormula(wb(), "S", formula)).toBeNull();
  });

  it("references to formula cells without a cached value are computed; a cycle is not", () => {
    const w = wb();
    const s = w.sheets[0];
    s.formulas = [];
    s.formulas[9] = [];
    s.formulas[9][0] = "SUM(C1:C3)";
    s.formulas[9][1] = "A10*2";
    expect(computeFormula(w, "S", "B10+1")).toBe(4803);
    s.formulas[9][2] = "C10+1";
    expect(computeFormula(w, "S", "C10")).toBeNull();
  });

  it("SUMIF equality with a number matches codes typed as text too, as Excel's criteria do; wildcards text only", () => {
    const w = book(sheet("S", [["20102", 5], [20102, 7], ["201", 1], [201, 2]]));
    expect(computeFormula(w, "S", 'SUMIF(A1:A4,"20102",B1:B4)')).toBe(12);
    expect(computeFormula(w, "S", "SUMIF(A1:A4,20102,B1:B4)")).toBe(12);
    expect(computeFormula(w, "S", 'SUMIF(A1:A4,"<>20102",B1:B4)')).toBe(3);
    expect(computeFormula(w, "S", 'SUMIF(A1:A4,"201*",B1:B4)')).toBe(6);
  });

  it("TRUE and FALSE as written in Excel, and text amounts with thousands separators in arithmetic", () => {
    const w = wb();
    expect(computeFormula(w, "S", "IF(C1>C2,TRUE,FALSE)")).toBe(true);
    expect(computeFormula(w, "S", "--TRUE+FALSE")).toBe(1);
    w.sheets[0].values[7][2] = "1,234.00";
    expect(computeFormula(w, "S", "C8+0")).toBe(1234);
    expect(computeFormula(w, "S", "SUM(C8)")).toBe(0);
    // SUMPRODUCT counts text entries as 0, as Excel documents (HyperFormula reads "1234.00" as a number there).
    w.sheets[0].values[7][2] = "1234.00";
    expect(computeFormula(w, "S", "SUMPRODUCT(--(LEN(A1:A8)=5),C1:C8,D1:D8)")).toBe(-2420.064);
  });

  it("never throws: nesting beyond Excel's limits, long formulas and random token soup give a value or null", () => {
    const w = wb();
    expect(computeFormula(w, "S", `${"(".repeat(5000)}1${")".repeat(5000)}`)).toBeNull();
    expect(computeFormula(w, "S", `${"-".repeat(5000)}1`)).toBeNull();
    expect(computeFormula(w, "S", `SUM(${"A1,".repeat(3000)}A1)`)).toBeNull();
    expect(computeFormula(w, "S", "((1+2)*3)")).toBe(9);
    const parts = ["SUM(", "SUMIF(", "IF(", "LEN(", "A1", "C1:C8", "B:B", '"<>"', '"2*"', ",", ")", "(", "+", "-", "*", "/", "^", "&", "=", "<>", "1", "0", "TRUE", "'S'!", "--"];
    const next = random(42);
    for (let k = 0; k < 2000; k++) {
      let f = "";
      for (let n = 1 + Math.floor(next() * 12); n > 0; n--) f += parts[Math.floor(next() * parts.length)];
      expect(() => computeFormula(w, "S", f)).not.toThrow();
    }
  });

  it("amounts stay exact: cents add up without float noise", () => {
    const w = book(sheet("S", [[0.1, 0.2, 1234567.89, 0.01]]));
    expect(computeFormula(w, "S", "A1+B1")).toBe(0.3);
    expect(computeFormula(w, "S", "SUM(A1:D1)-C1")).toBe(0.31);
    expect(computeFormula(w, "S", "ROUND(C1*3,2)")).toBe(3703703.67);
  });
});
