/**
 * The preview computes formulas as Excel does: a template inserted into the preview's workbook, then amounts typed
 * into it, shows computed totals in the grid and gives the live checker no false finding (the checker reads the
 * same recalculated values the grid shows).
 */
import { CheckSession } from "../../src/core/session";
import { LiveChecker } from "../../src/live/live-checker";
import { tableBlock } from "../../src/host/template-block";
import { displayText } from "../../src/preview/grid-model";
import { PreviewHost } from "../../src/preview/preview-host";
import { parseA1 } from "../../src/core/address";
import type { Finding } from "../../src/core/finding";
import { a1 } from "../../src/core/finding";

const OPTIONS = { year: 2026, unitName: "某某中心", unitCode: "323003", measure: "万元" as const };
const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${(f.cells[0] ? a1(f.cells[0]) : undefined)}: ${f.message}`);

async function previewWithChecker() {
  const host = new PreviewHost({ name: "Book1", sheets: [{ name: "Sheet1", values: [], merges: [] }] });
  const checker = new LiveChecker(host, { debounceMs: 5, createSession: (grid) => new CheckSession(grid) });
  await checker.start();
  return { host, checker };
}

const shown = (host: PreviewHost, sheet: string, address: string) => {
  const { row, col } = parseA1(address);
  return displayText(host.workbook.sheets.find((s) => s.name === sheet)!, row, col);
};

describe("a workbook opened in the preview", () => {
  it("formulas saved without a value (a file written by a script) show their computed value; others are left as saved", () => {
    const host = new PreviewHost({
      sheets: [
        {
          name: "表",
          values: [[1, 2, null, 99, null]],
          formulas: [[null, null, "SUM(A1:B1)", "A1*100", "VLOOKUP(1,A1:B1,2)"]],
          merges: [],
        },
      ],
    });
    expect(shown(host, "表", "C1")).toBe("3");
    expect(shown(host, "表", "D1")).toBe("99");
    expect(shown(host, "表", "E1")).toBe("=VLOOKUP(1,A1:B1,2)");
  });
});

describe("a template inserted in the preview, then amounts typed into it", () => {
  it("一般公共预算支出表: the row totals and the 合计 row follow the amounts; no finding", async () => {
    const { host, checker } = await previewWithChecker();
    const { sheet } = await host.insertBlock(tableBlock("general-expenditure", OPTIONS), "new-sheet");
    // Row 6 is the 合计 row (SUMPRODUCT over the 7-digit codes), rows 7… the code rows (合计 = 基本 + 项目).
    const typed: Array<[string, string | number]> = [
      ["B7", "208"], ["C7", "社会保障和就业支出"], ["E7", 120.5], ["F7", 30],
      ["B8", "20805"], ["C8", "行政事业单位养老支出"], ["E8", 120.5], ["F8", 30],
      ["B9", "2080505"], ["C9", "机关事业单位基本养老保险缴费支出"], ["E9", 100.25], ["F9", 30],
      ["B10", "2080506"], ["C10", "机关事业单位职业年金缴费支出"], ["E10", 20.25],
    ];
    for (const [address, value] of typed) host.setCellValue(sheet, address, value);
    await checker.flush();
    expect(shown(host, sheet, "D9")).toBe("130.25");
    expect(shown(host, sheet, "D10")).toBe("20.25");
    expect(shown(host, sheet, "D6")).toBe("150.5");
    expect(shown(host, sheet, "E6")).toBe("120.5");
    expect(problems(checker.findings)).toEqual([]);
    // The checker is not blind: a 项 amount changed without its 款 and 类 is reported.
    host.setCellValue(sheet, "E10", 21.25);
    await checker.flush();
    expect(shown(host, sheet, "D6")).toBe("151.5");
    expect(problems(checker.findings).length).toBeGreaterThan(0);
    await checker.stop();
  });

  it("三公 (SUM and IF(COUNT(…)) totals): no finding once amounts are typed and the 空表列示 line deleted", async () => {
    const { host, checker } = await previewWithChecker();
    const three = (await host.insertBlock(tableBlock("three-public", OPTIONS), "new-sheet")).sheet;
    // 因公出国 3, 公务用车 购置 0 运行 2.5, 公务接待 1.2, 会议费 4, 培训费 5.
    for (const [a, v] of [["D8", 3], ["D10", 0], ["D11", 2.5], ["D12", 1.2], ["D13", 4], ["D14", 5]] as const) host.setCellValue(three, a, v);
    // What a user does once the table has data: delete the template's "空表列示" statement.
    const s = host.workbook.sheets.find((x) => x.name === three)!;
    const statement = s.values.findIndex((row) => row?.some((v) => typeof v === "string" && v.includes("空表列示")));
    expect(statement).toBeGreaterThan(0);
    host.setCellValue(three, `A${statement + 1}`, null);
    await checker.flush();
    expect(shown(host, three, "D7")).toBe("6.7");
    expect(shown(host, three, "D6")).toBe("15.7");
    expect(problems(checker.findings)).toEqual([]);
    await checker.stop();
  });
});
