/** The table queries rules and document checks share (src/core/recognise/queries.ts), on a published 三公 table. */
import { recogniseAll } from "../../../src/core/engine";
import { amountColumns, threePublicItemRow, totalRow } from "../../../src/core/recognise/queries";
import type { RecognisedTable } from "../../../src/core/recognise/types";
import { loadFixture } from "../../helpers/fixtures";

let three: RecognisedTable;

beforeAll(async () => {
  const tables = recogniseAll(await loadFixture("hebei-qinhuangdao-social-insurance-2023.xlsx"));
  three = tables.find((t) => t.kind === "three-public")!;
});

test("the 合计 row and the amount columns", () => {
  expect(totalRow(three)?.label).toMatch(/合\s*计/);
  expect(amountColumns(three).length).toBeGreaterThan(0);
  expect(amountColumns(three).every((c) => c.role === "amount")).toBe(true);
});

test("a “三公” item's row by its label, numbering stripped, never the 公务用车购置及运行费 subtotal", () => {
  const running = threePublicItemRow(three, /运行/);
  expect(running?.label).toMatch(/运行/);
  expect(running?.label).not.toMatch(/购置及运/);
  const reception = threePublicItemRow(three, /^公务接待费$/);
  expect(reception?.label).toMatch(/公务接待费/);
  expect(threePublicItemRow(three, /^没有这一项$/)).toBeUndefined();
});
