/** final.* inside one 决算 table (src/core/rules/final-identities.ts). */
import type { GridWorkbook } from "../../../src/core/grid";
import { recogniseAll } from "../../../src/core/engine";
import { FINAL_RULES } from "../../../src/core/rules/final-identities";
import { loadFixture } from "../../helpers/fixtures";
import { ministryFinalSet } from "../final/ministry-set";
import { describeFamily, namedBooks } from "./family";

/** The Ministry-layout set with its 基本支出决算表 closed by one 合计 row instead of 人员经费合计 / 公用经费合计. */
function withBasicTotalRow(): GridWorkbook {
  const wb = ministryFinalSet();
  const basic = wb.sheets.find((s) => s.name === "公开06表")!;
  const i = basic.values.findIndex((r) => r?.[0] === "人员经费合计");
  basic.values[i] = ["合计", null, 60, null, null, null, null, null, null];
  basic.merges = basic.merges.filter((m) => m.top !== i);
  return wb;
}

/** The set with its 年初/年末结转和结余 split into 基本支出 and 项目支出 rows. */
function withCarrySplit(): GridWorkbook {
  const wb = ministryFinalSet();
  const summary = wb.sheets.find((s) => s.name === "公开01表")!;
  const i = summary.values.findIndex((r) => r?.[0] === "年初结转和结余");
  summary.values.splice(i + 1, 0, ["1.基本支出", null, 4, "1.基本支出", null, 2], ["2.项目支出", null, 6, "2.项目支出", null, 4]);
  return wb;
}

/** The set with a “三公” 决算 table by rows (小计, 因公出国(境)费 and its parts): 秦皇岛's table, titled as a 决算. */
async function withThreePublicByRows(): Promise<GridWorkbook> {
  const budget = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
  const table = recogniseAll(budget).find((t) => t.kind === "three-public")!;
  const three = structuredClone(budget.sheets.find((s) => s.name === table.sheet)!);
  three.values[table.titleCell!.row][table.titleCell!.col] = "财政拨款“三公”经费支出决算表";
  const wb = ministryFinalSet();
  wb.sheets[wb.sheets.findIndex((s) => s.name === "公开09表")] = { ...three, name: "公开09表" };
  return wb;
}

describeFamily("final-identities", FINAL_RULES, async () =>
  namedBooks(
    ["shanghai-putuo-social-work-final-2024"],
    [
      ["ministry", ministryFinalSet()],
      ["ministry, 基本支出 合计 row", withBasicTotalRow()],
      ["ministry, carry-over split", withCarrySplit()],
      ["ministry, 三公 by rows", await withThreePublicByRows()],
    ],
  ),
);
