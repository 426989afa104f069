import { rangesIntersect, rangeToA1 } from "../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import { cellValue } from "../../src/core/grid";
import { parseAmount } from "../../src/core/money";
import { parseA1 } from "../../src/core/address";
import { readXlsxBuffer } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "./grid-to-xlsx";
import { rewriteFormulaRefs } from "./formula-refs";
import {
  amountsAsText,
  codeAndNameInOneCell,
  codeColumn,
  FIXTURE_NAMES,
  fullWidthDigits,
  getSheet,
  insertBlankRow,
  loadFixture,
  renameSheets,
  setAmount,
  shuffleSheets,
  splitCodes,
  stackedAddress,
  stackLayout,
  stackOnOneSheet,
  sumFormulas,
} from "./variants";

function at(wb: GridWorkbook, sheet: string, a1: string): CellValue {
  const { row, col } = parseA1(a1);
  return cellValue(getSheet(wb, sheet), row, col);
}
function formulaAt(wb: GridWorkbook, sheet: string, a1: string): string | null | undefined {
  const { row, col } = parseA1(a1);
  return getSheet(wb, sheet).formulas?.[row]?.[col];
}
function mergesA1(s: GridSheet): string[] {
  return s.merges.map(rangeToA1).sort();
}
function numbers(s: GridSheet): number[] {
  const out: number[] = [];
  s.values.forEach((row) => row?.forEach((v) => typeof v === "number" && out.push(v)));
  return out;
}
/** Every variant must leave its input exactly as it was. */
function expectPure(wb: GridWorkbook, variant: (wb: GridWorkbook) => GridWorkbook): GridWorkbook {
  const before = JSON.stringify(wb);
  const out = variant(wb);
  expect(JSON.stringify(wb)).toBe(before);
  expect(out).not.toBe(wb);
  return out;
}

/** A small workbook with formulas across sheets, for the reference rewriting. */
function tiny(): GridWorkbook {
  return {
    name: "tiny.xlsx",
    sheets: [
      {
        name: "表一",
        values: [
          ["标题", null, null],
          ["项目", "金额", null],
          ["甲", 1, null],
          ["乙", 2, null],
          ["合计", 3, null],
        ],
        formulas: [[], [], [], [], [null, "SUM(B3:B4)"]],
        numberFormats: [[], [], [null, "#,##0.00"], [null, "#,##0.00"], [null, "#,##0.00"]],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 1, left: 2, bottom: 4, right: 2 },
        ],
        rowCount: 5,
        colCount: 3,
      },
      {
        name: "Two",
        values: [[3, "x"]],
        formulas: [["表一!B5+'表一'!$B$3", null]],
        merges: [],
        rowCount: 1,
        colCount: 2,
      },
    ],
  };
}

describe("loadFixture", () => {
  it("returns a fresh deep copy each time", async () => {
    const a = await loadFixture("shijiazhuang-social-insurance-2023");
    const b = await loadFixture("shijiazhuang-social-insurance-2023");
    expect(a).toEqual(b);
    a.sheets[0].values[0][0] = "changed";
    expect(b.sheets[0].values[0][0]).not.toBe("changed");
    expect((await loadFixture("shijiazhuang-social-insurance-2023")).sheets[0].values[0][0]).not.toBe("changed");
  });
});

describe("rewriteFormulaRefs", () => {
  const shift = (f: string) =>
    rewriteFormulaRefs(f, "S", (r) => ({ sheet: r.qualified ? r.sheet : null, row: r.row + 1, col: r.col }));
  it("moves plain, absolute, range and qualified references", () => {
    expect(shift("SUM(D7:D9)+$A$1-'My sheet'!B2*表一!C3")).toBe("SUM(D8:D10)+$A$2-'My sheet'!B3*表一!C4");
  });
  it("leaves function names, string literals and numbers alone", () => {
    expect(shift('LOG10(A1)&"B2"&ROUND(C3,2)')).toBe('LOG10(A2)&"B2"&ROUND(C4,2)');
  });
});

describe("setAmount", () => {
  it("changes one cell and drops its formula", () => {
    const wb = tiny();
    const out = expectPure(wb, (w) => setAmount(w, "表一", "B5", 4));
    expect(at(out, "表一", "B5")).toBe(4);
    expect(formulaAt(out, "表一", "B5")).toBeNull();
    expect(at(out, "表一", "B3")).toBe(1);
  });
  it("refuses an unknown sheet", () => {
    expect(() => setAmount(tiny(), "nope", "A1", 1)).toThrow(/No sheet/);
  });
});

describe("amountsAsText / fullWidthDigits", () => {
  it("turns every amount into text that parses back to the same amount; other numbers stay", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const out = expectPure(wb, (w) => amountsAsText(w, { thousands: true }));
    expect(at(out, "收入总表", "D6")).toBe("16,356.02");
    expect(at(out, "收入总表", "L6")).toBe("246.00");
    expect(at(out, "收入总表", "B5")).toBe(1); // 栏次 number, General format
    expect(at(out, "收入总表", "A6")).toBe(1); // 序号
    for (const [i, s] of wb.sheets.entries()) {
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const w = out.sheets[i].values[r][c];
          if (typeof v === "number" && typeof w === "string") {
            const a = parseAmount(w);
            expect(a.kind === "number" && a.value.toNumber()).toBe(v);
          }
        }),
      );
    }
    expect(numbers(getSheet(out, "收入总表")).every((n) => Number.isInteger(n) && n < 20)).toBe(true);
  });

  it("without thousands separators", async () => {
    const out = amountsAsText(await loadFixture("shijiazhuang-social-insurance-2023"));
    expect(at(out, "收入总表", "D6")).toBe("16356.02");
  });

  it("full-width digits", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const out = expectPure(wb, fullWidthDigits);
    expect(at(out, "收入总表", "D6")).toBe("１６３５６.０２");
    expect(at(fullWidthDigits(wb, { thousands: true, punctuation: true }), "收入总表", "D6")).toBe(
      "１６，３５６．０２",
    );
    const a = parseAmount(at(out, "收入总表", "D6"));
    expect(a.kind === "number" && a.value.toString()).toBe("16356.02");
  });
});

describe("sumFormulas", () => {
  it("writes SUM over a contiguous range with the exact cached sum", () => {
    const wb = tiny();
    const out = expectPure(wb, (w) => sumFormulas(w, "表一", "C5", ["B3", "B4"]));
    expect(formulaAt(out, "表一", "C5")).toBe("SUM(B3:B4)");
    expect(at(out, "表一", "C5")).toBe(3);
  });
  it("lists scattered cells and sums text amounts exactly", () => {
    const wb = setAmount(setAmount(tiny(), "表一", "B3", "0.10"), "表一", "B4", 0.2);
    const out = sumFormulas(wb, "表一", "B5", ["B3", "B4", "C1"]);
    expect(formulaAt(out, "表一", "B5")).toBe("SUM(B3,B4,C1)");
    expect(at(out, "表一", "B5")).toBe(0.3);
  });
});

describe("insertBlankRow", () => {
  it("moves values, formats, merges and formulas below it; merges across it grow", () => {
    const wb = tiny();
    const out = expectPure(wb, (w) => insertBlankRow(w, "表一", 3));
    const s = getSheet(out, "表一");
    expect(s.values[3]).toEqual([null, null, null]);
    expect(s.values[4]).toEqual(["乙", 2, null]);
    expect(s.rowCount).toBe(6);
    expect(s.numberFormats?.[4]?.[1]).toBe("#,##0.00");
    expect(mergesA1(s)).toEqual(["A1:C1", "C2:C6"]);
    expect(formulaAt(out, "表一", "B6")).toBe("SUM(B3:B5)");
    expect(formulaAt(out, "Two", "A1")).toBe("表一!B6+表一!$B$3");
  });
});

describe("renameSheets / shuffleSheets", () => {
  it("renames by position and keeps formulas pointing at the same sheets", () => {
    const out = expectPure(tiny(), renameSheets);
    expect(out.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2"]);
    expect(formulaAt(out, "Sheet2", "A1")).toBe("Sheet1!B5+Sheet1!$B$3");
  });

  it("shuffles deterministically, never to the original order", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const names = wb.sheets.map((s) => s.name);
    for (const seed of [1, 2, 3, 42]) {
      const a = expectPure(wb, (w) => shuffleSheets(w, seed)).sheets.map((s) => s.name);
      expect([...a].sort()).toEqual([...names].sort());
      expect(a).not.toEqual(names);
      expect(shuffleSheets(wb, seed).sheets.map((s) => s.name)).toEqual(a);
    }
    const two = tiny();
    expect(shuffleSheets(two, 7).sheets.map((s) => s.name)).toEqual(["Two", "表一"]);
  });
});

describe("stackOnOneSheet", () => {
  it("puts every sheet on 全部 with two blank rows between, merges and formulas moved", () => {
    const wb = tiny();
    const out = expectPure(wb, stackOnOneSheet);
    expect(out.sheets).toHaveLength(1);
    const s = out.sheets[0];
    expect(s.name).toBe("全部");
    expect(s.rowCount).toBe(5 + 2 + 1);
    expect(s.values[5]).toEqual([null, null, null]);
    expect(s.values[6]).toEqual([null, null, null]);
    expect(s.values[7]).toEqual([3, "x", null]);
    expect(mergesA1(s)).toEqual(["A1:C1", "C2:C5"]);
    expect(s.formulas?.[4]?.[1]).toBe("SUM(B3:B4)");
    expect(s.formulas?.[7]?.[0]).toBe("B5+$B$3");
    expect(stackedAddress(wb, "Two", "A1")).toEqual({ sheet: "全部", address: "A8" });
  });

  it("keeps every cell of a fixture at its stacked address", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const out = stackOnOneSheet(wb);
    const offsets = stackLayout(wb);
    for (const s of wb.sheets) {
      const off = offsets.get(s.name) ?? 0;
      s.values.forEach((row, r) => row.forEach((v, c) => expect(out.sheets[0].values[r + off][c]).toEqual(v)));
    }
    expect(out.sheets[0].merges).toHaveLength(wb.sheets.reduce((n, s) => n + s.merges.length, 0));
    const where = stackedAddress(wb, "基本支出表", "D12");
    expect(at(out, "全部", where.address)).toEqual(at(wb, "基本支出表", "D12"));
  });
});

describe("splitCodes", () => {
  it("Hebei 支出总表: one-row 科目编码 header gains a 类/款/项 row; columns and merges move", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    expect(codeColumn(getSheet(wb, "支出总表"))).toBe(1);
    const out = expectPure(wb, (w) => splitCodes(w, "支出总表"));
    const s = getSheet(out, "支出总表");
    expect(s.values[2].slice(0, 6)).toEqual(["序号", "功能分类科目", null, null, null, "合计"]);
    expect(s.values[3].slice(0, 5)).toEqual([null, "科目编码", null, null, "科目名称"]);
    expect(s.values[4].slice(0, 5)).toEqual([null, "类", "款", "项", null]);
    // 栏次 row renumbered, consecutive.
    expect(s.values[5]).toEqual(["栏次", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.values[6].slice(0, 6)).toEqual([1, null, null, null, "合计", 2197.83]);
    expect(s.values[7].slice(0, 6)).toEqual([2, "208", null, null, "社会保障和就业支出", 1671.18]);
    expect(s.values[8].slice(0, 4)).toEqual([3, "208", "01", null]);
    const code = String(getSheet(wb, "支出总表").values[8][1]);
    expect(code).toMatch(/^2080\d{3}$/);
    expect(s.values[9].slice(0, 4)).toEqual([4, "208", code.slice(3, 5), code.slice(5, 7)]);
    expect(mergesA1(s)).toEqual(
      [
        "A1:K1",
        "A2:F2",
        "B3:E3",
        "A3:A5",
        "B4:D4",
        "E4:E5",
        "F3:F5",
        "G3:G5",
        "H3:H5",
        "I3:I5",
        "J3:J5",
        "K3:K5",
      ].sort(),
    );
    expect([s.rowCount, s.colCount]).toEqual([25, 11]);
    // Amounts all kept, with their formats, two columns right and one row down.
    expect(
      numbers(s)
        .filter((n) => !Number.isInteger(n))
        .sort(),
    ).toEqual(
      numbers(getSheet(wb, "支出总表"))
        .filter((n) => !Number.isInteger(n))
        .sort(),
    );
    expect(s.numberFormats?.[6]?.[5]).toBe("#,##0.00");
    // Other sheets untouched.
    expect(getSheet(out, "收入总表")).toEqual(getSheet(wb, "收入总表"));
  });

  it("石家庄 一般公共预算支出表: an unmerged 功能分类科目 above 科目编码 is merged over 类/款/项 too", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const s = getSheet(splitCodes(wb, "一般公共预算支出表"), "一般公共预算支出表");
    expect(mergesA1(s)).toEqual(expect.arrayContaining(["B3:D3", "B4:D4", "E3:E5", "A3:A5"]));
    expect(s.values[2].slice(0, 5)).toEqual(["序号", "功能分类科目", null, null, "科目名称"]);
  });

  it("a tall (merged) 科目编码 header is split in place, without a new row", () => {
    const wb: GridWorkbook = {
      sheets: [
        {
          name: "表",
          values: [
            ["科目编码", "科目名称", "合计"],
            [null, null, null],
            ["208", "社会保障和就业支出", 10],
            ["20805", "行政事业单位养老支出", 10],
            ["2080505", "机关事业单位基本养老保险缴费支出", 10],
          ],
          merges: [
            { top: 0, left: 0, bottom: 1, right: 0 },
            { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 1, right: 2 },
          ],
        },
      ],
    };
    const out = splitCodes(wb, "表");
    const s = out.sheets[0];
    expect(s.values[0]).toEqual(["科目编码", null, null, "科目名称", "合计"]);
    expect(s.values[1]).toEqual(["类", "款", "项", null, null]);
    expect(s.values[4]).toEqual(["208", "05", "05", "机关事业单位基本养老保险缴费支出", 10]);
    expect(mergesA1(s)).toEqual(["A1:C1", "D1:D2", "E1:E2"]);
  });

  it("splits every single-column code sheet of the fixtures without overlapping merges or losing amounts", async () => {
    for (const name of FIXTURE_NAMES) {
      const wb = await loadFixture(name);
      for (const sheet of wb.sheets) {
        if (codeColumn(sheet) < 0) continue;
        if (name.startsWith("henan") && sheet.name !== "基本支出表") {
          expect(() => splitCodes(wb, sheet.name)).toThrow(/already split/);
          continue;
        }
        const s = getSheet(splitCodes(wb, sheet.name), sheet.name);
        const overlap = s.merges.some((a, i) => s.merges.some((b, j) => i < j && rangesIntersect(a, b)));
        expect(overlap).toBe(false);
        const amounts = (g: GridSheet) =>
          numbers(g)
            .filter((n) => !Number.isInteger(n) || n > 100)
            .sort();
        expect(amounts(s)).toEqual(amounts(sheet));
        const subRow = s.values.findIndex((row) => row.includes("类"));
        const c = s.values[subRow].indexOf("类");
        expect(s.values[subRow].slice(c, c + 3)).toEqual(["类", "款", "项"]);
      }
    }
  });

  it("Henan 基本支出表: a 合计 row between header and codes is not taken for the header", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const s = getSheet(splitCodes(wb, "基本支出表"), "基本支出表");
    expect(s.values[3].slice(0, 4)).toEqual(["科目编码", null, null, "科目名称"]);
    expect(s.values[4].slice(0, 3)).toEqual(["类", "款", "项"]);
    expect(s.values[5][0]).toBe("合计");
    expect(s.values[6].slice(0, 3)).toEqual(["301", "07", null]);
  });

  it("refuses a sheet without codes", () => {
    expect(() => splitCodes(tiny(), "Two")).toThrow(/no code column/);
  });
});

describe("variants as .xlsx files", () => {
  it("a composed variant writes with gridToXlsx and reads back identical (for CLI runs on variants)", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const variant = stackOnOneSheet(
      splitCodes(
        insertBlankRow(sumFormulas(amountsAsText(wb, { thousands: true }), "收入总表", "D7", ["D8"]), "支出总表", 8),
        "支出总表",
      ),
    );
    const back = await readXlsxBuffer(await gridToXlsx(variant), "variant.xlsx");
    const [a, b] = [variant.sheets[0], back.sheets[0]];
    expect(b.values).toEqual(a.values);
    expect(mergesA1(b)).toEqual(mergesA1(a));
    const where = stackedAddress(wb, "收入总表", "D7");
    const { row, col } = parseA1(where.address);
    expect(b.formulas?.[row]?.[col]).toBe(`SUM(D${row + 2})`);
  });
});

describe("codeAndNameInOneCell", () => {
  it("joins code and name into one cell, drops the name column, renumbers 栏次", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const out = expectPure(wb, (w) => codeAndNameInOneCell(w, "支出总表"));
    const s = getSheet(out, "支出总表");
    expect(s.values[2].slice(0, 3)).toEqual(["序号", "功能分类科目", "合计"]);
    expect(s.values[3].slice(0, 2)).toEqual([null, "科目编码及名称"]);
    expect(s.values[4]).toEqual(["栏次", 1, 2, 3, 4, 5, 6, 7]);
    expect(s.values[5].slice(0, 3)).toEqual([1, null, 2197.83]);
    expect(s.values[6].slice(0, 3)).toEqual([2, "208 社会保障和就业支出", 1671.18]);
    expect(s.colCount).toBe(8);
    expect(mergesA1(s)).toEqual(["A1:H1", "A2:C2", "A3:A4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4"]);
  });

  it("refuses codes already split into 类/款/项", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    expect(() => codeAndNameInOneCell(wb, "支出总表")).toThrow(/split/);
  });
});
