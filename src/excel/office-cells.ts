/**
 * The pane's two direct cell actions through Office.js: writing one cell (quick fixes, names) and reading where the
 * selection starts (inserting codes and templates there).
 */
import { parseA1, splitSheetAddress } from "../core/address";
import { officeRunner, type ExcelRunner } from "./excel-runner";

export async function writeCell(sheet: string, address: string, value: string | number, run: ExcelRunner = officeRunner): Promise<void> {
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

export async function selectionAnchor(run: ExcelRunner = officeRunner): Promise<{ sheet: string; row: number; col: number }> {
  return run(async (ctx) => {
    const range = ctx.workbook.getSelectedRange();
    range.load("address");
    await ctx.sync();
    const { sheet, address } = splitSheetAddress(range.address);
    const { row, col } = parseA1(address.split(":")[0]);
    return { sheet, row, col };
  });
}
