/**
 * A bureau's folder, generated from a published unit workbook: units with their own names and 预算主管部门, their
 * amounts scaled by whole numbers (so every identity still holds exactly), one in 元 instead of 万元, and the
 * department whose amounts are their sum. Grid transforms only; write them with gridToXlsx.
 */
import fs from "node:fs";
import path from "node:path";
import type { GridWorkbook } from "../../src/core/grid";
import { Decimal } from "../../src/core/money";
import { gridToXlsx } from "./grid-to-xlsx";
import { isAmountCell } from "./variants";

/** Every amount cell × k, exactly (decimal arithmetic, then back to the double Excel stores). */
export function scaledAmounts(wb: GridWorkbook, k: number | string): GridWorkbook {
  const out = structuredClone(wb);
  for (const s of out.sheets)
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v === "number" && isAmountCell(s, r, c)) row[c] = new Decimal(String(v)).times(k).toNumber();
      }),
    );
  return out;
}

/** Row 2 of every sheet (the unit line of the published layout) says who publishes it. */
export function withUnitLine(wb: GridWorkbook, text: string): GridWorkbook {
  const out = structuredClone(wb);
  for (const s of out.sheets) if (typeof s.values[1]?.[0] === "string") s.values[1][0] = text;
  return out;
}

/** A unit of a department: its name and its 预算主管部门 on the unit line. */
export function asUnit(wb: GridWorkbook, unit: string, department?: string): GridWorkbook {
  return withUnitLine(wb, department !== undefined ? `预算主管部门：${department} 预算单位：${unit}` : unit);
}

/** The department's own workbook: 部门预算 titles and 部门名称 on the unit line. */
export function asDepartment(wb: GridWorkbook, department: string): GridWorkbook {
  const out = withUnitLine(wb, `部门名称：${department}`);
  for (const s of out.sheets) if (typeof s.values[0]?.[0] === "string") s.values[0][0] = s.values[0][0].replace(/^单位预算/, "部门预算");
  return out;
}

/** The same amounts stated in 元 (× 10,000, and every "单位：万元" says 元). */
export function inYuan(wb: GridWorkbook): GridWorkbook {
  const out = scaledAmounts(wb, 10_000);
  for (const s of out.sheets)
    s.values.forEach((row) =>
      row?.forEach((v, c) => {
        if (typeof v === "string" && /单位[:：]\s*万元/.test(v)) row[c] = v.replace(/万元/, "元");
      }),
    );
  return out;
}

export async function writeWorkbook(file: string, wb: GridWorkbook): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await gridToXlsx(wb));
}
