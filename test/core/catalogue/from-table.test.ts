/** The catalogue rules fed from the real recogniser on the fixtures: silent on the published tables, precise on edits. */
import { cellAt } from "../../../src/core/finding";
import { join } from "node:path";
import { toA1 } from "../../../src/core/address";
import { readXlsxFile } from "../../../src/cli/xlsx-grid";
import { checkCodeRows } from "../../../src/core/catalogue";
import { codeRowsOfTable, codeRowsOfTables } from "../../../src/core/catalogue/from-table";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import type { Finding } from "../../../src/core/finding";
import type { GridSheet, GridWorkbook } from "../../../src/core/grid";
import { recogniseWorkbook } from "../../../src/core/recognise";
import { a1 } from "../../../src/core/finding";

const FIXTURES = join(__dirname, "../../fixtures");
const catalogue = getCatalogueSync();

function check(wb: GridWorkbook): { findings: Finding[]; rows: number; paired: number } {
  let rows = 0;
  let paired = 0;
  const findings: Finding[] = [];
  for (const table of recogniseWorkbook(wb)) {
    const codeRows = codeRowsOfTable(table);
    rows += codeRows.length;
    paired += codeRows.filter((r) => r.pairedCode).length;
    findings.push(...checkCodeRows(codeRows, catalogue, table.year ?? 2023));
  }
  return { findings, rows, paired };
}

/** Address of the first cell on `sheet` whose value is `text`, after setting it to `replacement`. */
function replace(wb: GridWorkbook, sheet: string, text: string, replacement: string, nth = 0): string {
  const s = wb.sheets.find((x) => x.name === sheet) as GridSheet;
  let seen = 0;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] === text && seen++ === nth) {
        row[c] = replacement;
        return toA1(r, c);
      }
    }
  }
  throw new Error(`${text} not on ${sheet}`);
}

describe.each([
  ["hebei-qinhuangdao-social-insurance-2023.xlsx", 0],
  ["shijiazhuang-social-insurance-2023.xlsx", 0],
  ["henan-yibin-social-security-2022.xlsx", 40],
])("%s as published", (file, minPaired) => {
  test("no catalogue findings", async () => {
    const { findings, rows, paired } = check(await readXlsxFile(join(FIXTURES, file)));
    expect(findings).toEqual([]);
    expect(rows).toBeGreaterThan(60);
    expect(paired).toBeGreaterThanOrEqual(minPaired);
  });
});

describe("edited fixtures", () => {
  test("an unknown code, a wrong name and a 项 under the wrong 款 are reported at their cells", async () => {
    const wb = await readXlsxFile(join(FIXTURES, "shijiazhuang-social-insurance-2023.xlsx"));
    const sheet = "一般公共预算支出表";
    const unknownAt = replace(wb, sheet, "2210201", "2210204");
    const notCoveredAt = replace(wb, sheet, "2080505", "2080508");
    const nameAt = replace(wb, sheet, "社会保险经办机构", "社会保险经办中心");
    const movedAt = replace(wb, sheet, "2101101", "2080501");
    const findings = check(wb).findings;
    const on = (rule: string) => findings.filter((f) => f.rule === rule && f.cells[0].sheet === sheet);

    expect(on("catalogue.unknown-code").map((f) => a1(f.cells[0]))).toEqual([unknownAt]);
    expect(on("catalogue.not-covered").map((f) => [a1(f.cells[0]), f.severity])).toEqual([[notCoveredAt, "info"]]);
    expect(on("catalogue.name-mismatch").map((f) => [a1(f.cells[0]), f.expected])).toEqual(
      expect.arrayContaining([[nameAt, "社会保险经办机构"]]),
    );
    const parent = on("catalogue.wrong-parent");
    expect(parent.map((f) => [a1(f.cells[0]), f.expected, f.actual])).toEqual([[movedAt, "20805", "21011"]]);
  });

  test("a 部门经济分类 row paired with the wrong 政府经济分类 code is a warning at the 政府 code cell", async () => {
    const wb = await readXlsxFile(join(FIXTURES, "henan-yibin-social-security-2022.xlsx"));
    const at = replace(wb, "基本支出表", "50905", "50501");
    const pairing = check(wb).findings.filter((f) => f.rule === "catalogue.economic-pairing");
    expect(pairing).toHaveLength(1);
    expect(pairing[0]).toMatchObject({ severity: "warning", expected: "50905", actual: "50501" });
    expect(pairing[0].cells[0]).toEqual(cellAt("基本支出表", at));
  });

  test("one row object refilled for the whole walk gives the findings of a row object per row", async () => {
    const wb = await readXlsxFile(join(FIXTURES, "shijiazhuang-social-insurance-2023.xlsx"));
    const sheet = "一般公共预算支出表";
    replace(wb, sheet, "2210201", "2210204");
    replace(wb, sheet, "2080505", "2080508");
    replace(wb, sheet, "社会保险经办机构", "社会保险经办中心");
    replace(wb, sheet, "2101101", "2080501");
    const tables = recogniseWorkbook(wb);
    const walked = checkCodeRows(codeRowsOfTables(tables), catalogue, 2023);
    const fresh = checkCodeRows(tables.flatMap((t) => codeRowsOfTable(t)), catalogue, 2023);
    expect(walked.length).toBeGreaterThan(3);
    expect(walked).toEqual(fresh);
  });
});
