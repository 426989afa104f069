/**
 * The 收入支出决算总表's carry-over breakdown (基本支出结转 / 项目支出结转和结余 under 年初 and 年末结转和结余, as many
 * 决算 templates print it): the breakdown rows are parts of their carry row, never addends of 总计.
 */
import { checkWorkbook } from "../../../src/core/engine";
import type { CellValue, GridWorkbook } from "../../../src/core/grid";
import { a1 } from "../../../src/core/finding";
import { at, nonInfo } from "../build";
import { ministryFinalSet } from "./ministry-set";

const _ = null;
const SUMMARY = "公开01表";

/** The Ministry set with `rows` inserted below 年初结转和结余 (10) ‖ 年末结转和结余 (6) of 公开01表. */
function withBreakdown(rows: CellValue[][]): GridWorkbook {
  const wb = ministryFinalSet();
  const s = wb.sheets.find((x) => x.name === SUMMARY)!;
  const at = s.values.findIndex((r) => r[0] === "年初结转和结余");
  s.values.splice(at + 1, 0, ...rows.map((r) => [...r]));
  return wb;
}

// Row 17 of the sheet is the first inserted row: income part in C, expenditure part in F.
const LAYOUTS: Array<[string, CellValue[][]]> = [
  [
    "基本支出结转 / 项目支出结转和结余",
    [
      ["基本支出结转", _, 4, "基本支出结转", _, 2],
      ["项目支出结转和结余", _, 6, "项目支出结转和结余", _, 4],
    ],
  ],
  [
    "其中：基本支出结转 / 项目支出结转和结余",
    [
      ["其中：基本支出结转", _, 4, "其中：基本支出结转", _, 2],
      ["项目支出结转和结余", _, 6, "项目支出结转和结余", _, 4],
    ],
  ],
  [
    "基本支出结余 / 项目支出结转",
    [
      ["基本支出结余", _, 4, "基本支出结余", _, 2],
      ["项目支出结转", _, 6, "项目支出结转", _, 4],
    ],
  ],
  [
    "其中：基本支出结余 / 其中：项目支出结转",
    [
      ["其中：基本支出结余", _, 4, "其中：基本支出结余", _, 2],
      ["其中：项目支出结转", _, 6, "其中：项目支出结转", _, 4],
    ],
  ],
  [
    "1.基本支出 / 2.项目支出",
    [
      ["1.基本支出", _, 4, "1.基本支出", _, 2],
      ["2.项目支出", _, 6, "2.项目支出", _, 4],
    ],
  ],
];

describe("the 决算 summary's carry-over breakdown", () => {
  it.each(LAYOUTS)("%s under 年初 and 年末 with correct figures: clean, and each carry row is split into its parts", (_what, rows) => {
    const wb = withBreakdown(rows);
    expect(nonInfo(checkWorkbook(wb).findings)).toEqual([]);
  });

  const change = (wb: GridWorkbook, address: string, value: number) => {
    const s = wb.sheets.find((x) => x.name === SUMMARY)!;
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    s.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = value;
  };
  // Each part raised by 1, and (second half) lowered by 1.
  const changes: Array<[string, number, number]> = [
    ["C17", 5, 3],
    ["C18", 7, 5],
    ["F17", 3, 1],
    ["F18", 5, 3],
  ];

  it.each(LAYOUTS.flatMap(([what, rows]) => changes.flatMap(([cell, up, down]): Array<[string, CellValue[][], string, number]> => [
    [what, rows, cell, up],
    [what, rows, cell, down],
  ])))("%s, %#: a wrong part is flagged by final.summary-carry-split naming it, never by the total", (what, rows, address, value) => {
    const wb = withBreakdown(rows);
    change(wb, address, value);
    const loud = nonInfo(checkWorkbook(wb).findings);
    const carry = address.startsWith("C") ? "C16" : "F16";
    const lowered = value < (LAYOUTS.find(([w]) => w === what)![1][Number(address.slice(1)) - 17][address.startsWith("C") ? 2 : 5] as number);
    if (what.startsWith("其中") && lowered) {
      // A 其中 list may name only some of the carry-over: parts short of it are no finding.
      expect(loud).toEqual([]);
      return;
    }
    // A 其中 list is read as parts ≤ carry (found at its first part), a plain list as carry = Σ parts (at the carry).
    const first = address.startsWith("C") ? "C17" : "F17";
    expect(loud.map((f) => [f.rule, at(f), f.cells.some((c) => a1(c) === address)])).toEqual([
      ["final.summary-carry-split", `${SUMMARY}!${what.startsWith("其中") ? first : carry}`, true],
    ]);
  });

  it("a breakdown of a part (其中 under it, or a deeper ordinal) is neither a part nor an addend", () => {
    const wb = withBreakdown([
      ["基本支出结转", _, 4, "（一）基本支出结转", _, 2],
      ["其中：人员经费", _, 3, "1.人员经费", _, 1],
      ["项目支出结转和结余", _, 6, "（二）项目支出结转和结余", _, 4],
      ["经营结余", _, 0, "（三）经营结余", _, 0],
    ]);
    expect(nonInfo(checkWorkbook(wb).findings)).toEqual([]);
  });
});
