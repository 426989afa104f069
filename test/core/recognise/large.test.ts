import { recogniseSheet } from "../../../src/core/recognise";
import type { CellValue } from "../../../src/core/grid";
import { sheet } from "../build";

it("recognises a table of 150,000 rows without overflowing the stack", () => {
  const n = 150_000;
  const rows: CellValue[][] = [["单位预算支出总表"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", n * 3, n, n * 2]];
  for (let i = 0; i < n; i++) rows.push(["2080505", "机关事业单位基本养老保险缴费支出", 3, 1, 2]);
  const [t] = recogniseSheet(sheet("S", rows));
  expect(t.kind).toBe("expenditure");
  expect(t.range.bottom).toBe(n + 2);
  expect(t.rows).toHaveLength(n + 1);
});
