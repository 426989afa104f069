/** The document rules do not depend on layout: stacked tables, renamed and shuffled sheets, amounts as text. */
import { checkWorkbook } from "../../../src/core/engine";
import { FIXTURE_NAMES, loadFixture } from "../../helpers/fixtures";
import { amountsAsText, fullWidthDigits, renameSheets, shuffleSheets, stackOnOneSheet, stackedAddress } from "../../helpers/variants";
import { at } from "../build";
import { HEBEI, HENAN, docFindings } from "./helpers";
import { deleteSheet, scaleAmounts, setAmount } from "../../helpers/variants";

const rules = (wb: Parameters<typeof docFindings>[0]) => docFindings(wb).map((f) => `${f.rule}:${f.severity}`);

describe.each([...FIXTURE_NAMES])("%s", (name) => {
  it("same document findings when stacked on one sheet, renamed and shuffled, or typed as text", async () => {
    const original = rules(await loadFixture(name));
    expect(rules(stackOnOneSheet(await loadFixture(name)))).toEqual(original);
    expect(rules(shuffleSheets(renameSheets(await loadFixture(name)), 7))).toEqual(original);
    expect(rules(amountsAsText(await loadFixture(name), { thousands: true }))).toEqual(original);
    expect(rules(fullWidthDigits(await loadFixture(name)))).toEqual(original);
  });

  it("amounts typed as text add no plausibility finding", async () => {
    const result = checkWorkbook(amountsAsText(await loadFixture(name), { thousands: true }));
    expect(result.findings.filter((f) => f.rule.startsWith("plausibility."))).toEqual([]);
  });
});

describe("stacked tables", () => {
  it("a changed year is reported at the stacked title's cell", async () => {
    const wb = setAmount(await loadFixture(HENAN), "基本支出表", "A1", "2021年一般公共预算基本支出预算表");
    const stacked = stackOnOneSheet(wb);
    const found = docFindings(stacked).filter((f) => f.rule === "document.year-mismatch");
    const where = stackedAddress(wb, "基本支出表", "A1");
    expect(found.map(at)).toEqual([`${where.sheet}!${where.address}`]);
  });

  it("a missing table and a ×10,000 table are found on one sheet too", async () => {
    let wb = deleteSheet(await loadFixture(HEBEI), "国有资本经营支出表");
    wb = scaleAmounts(wb, "一般公共预算支出表", 10_000);
    const stacked = stackOnOneSheet(wb);
    const where = stackedAddress(wb, "一般公共预算支出表", "D6");
    expect(docFindings(stacked).map((f) => `${f.rule} ${at(f)}`)).toEqual([
      "document.missing-table 全部!A1",
      `document.magnitude ${where.sheet}!${where.address}`,
    ]);
  });
});
