/**
 * Hidden sheets: their tables are checked as usual and listed as hidden — in the result's table list (so the JSON
 * report says "hidden": true) and in the text report — while visible sheets' entries stay as they were.
 */
import { checkWorkbook } from "../../src/core/engine";
import { formatJsonReport } from "../../src/cli/report-json";
import { formatTextReport } from "../../src/cli/report-text";
import { loadFixture } from "../helpers/fixtures";

const HEBEI = "hebei-qinhuangdao-social-insurance-2023";

describe("tables on hidden sheets", () => {
  it("are listed as hidden; the other tables carry no such field", async () => {
    const wb = await loadFixture(HEBEI);
    wb.sheets.find((s) => s.name === "支出总表")!.state = "hidden";
    wb.sheets.find((s) => s.name === "三公经费支出表")!.state = "veryHidden";
    const result = checkWorkbook(wb);
    const hidden = result.tables.filter((t) => t.hidden).map((t) => t.sheet);
    expect(hidden.sort()).toEqual(["三公经费支出表", "支出总表"]);
    for (const t of result.tables) if (!hidden.includes(t.sheet)) expect("hidden" in t).toBe(false);
    // Same tables and findings (other than the hidden-sheet notes) as with every sheet visible.
    const visible = checkWorkbook(await loadFixture(HEBEI));
    expect(result.tables.map(({ hidden: _h, ...t }) => t)).toEqual(visible.tables);
    expect(result.findings.filter((f) => f.rule !== "document.hidden-sheet")).toEqual(visible.findings);

    const json = JSON.parse(formatJsonReport("x.xlsx", result)) as { tables: Array<{ sheet: string; hidden?: boolean }> };
    expect(json.tables.find((t) => t.sheet === "支出总表")?.hidden).toBe(true);
    expect(json.tables.find((t) => t.sheet === "收支总表")?.hidden).toBeUndefined();

    const text = formatTextReport("x.xlsx", result).split("\n");
    expect(text.filter((l) => l.includes("（隐藏的工作表）")).map((l) => l.trim().split("!")[0]).sort()).toEqual(["三公经费支出表", "支出总表"]);
    expect(formatTextReport("x.xlsx", result, { lang: "en" })).toContain("(hidden sheet)");
  });
});
