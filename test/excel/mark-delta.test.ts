/**
 * Marks applied from the session's delta (issue 17 item 3) equal marks planned from the whole list: in the pure
 * planner after each of many edits, and in the fake Excel against a fresh host that writes every finding.
 */
import { toA1 } from "../../src/core/address";
import type { Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { MARK_CF_FORMULA, MarkPlanner, planMarks } from "../../src/core/report/mark-plan";
import { CheckSession } from "../../src/core/session";
import { LiveChecker } from "../../src/live/live-checker";
import { OfficeHost } from "../../src/excel/office-host";
import { loadFixture } from "../helpers/fixtures";
import type { FakeExcel } from "./fake-excel";
import { caps, fakeFromGrid } from "./fixtures";
import { parseA1 } from "../../src/core/address";

function numericCells(wb: GridWorkbook): Array<[string, number, number, number]> {
  const out: Array<[string, number, number, number]> = [];
  for (const s of wb.sheets) s.values.forEach((r, i) => r?.forEach((v, j) => typeof v === "number" && out.push([s.name, i, j, v])));
  return out;
}

function random(seed: number): (n: number) => number {
  return (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
}

/** What of ours is in the workbook, ids aside: formats by sheet, areas and fill; notes by cell and text. */
function marksOf(excel: FakeExcel) {
  const cfs = excel.sheets.flatMap((s) => s.cfs.filter((c) => c.formula === MARK_CF_FORMULA).map((c) => `${s.name}|${JSON.stringify(c.areas)}|${c.fill}`));
  const notes = excel.sheets.flatMap((s) => [...s.notes].map(([a, n]) => `${s.name}!${a}|${n.content}`));
  return { cfs: cfs.sort(), notes: notes.sort() };
}

describe("marks from the session's delta", () => {
  it.each([true, false])("the planner kept by deltas equals a full plan after every edit (RangeAreas %s)", async (multiArea) => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const session = new CheckSession(structuredClone(wb));
    const planner = new MarkPlanner(multiArea);
    const plan = planner.update(session.result().findings);
    const rand = random(11);
    const cells = numericCells(wb);
    let marked = 0;
    for (let k = 0; k < 30; k++) {
      const [sheet, row, col, v] = cells[rand(cells.length)];
      // Every other edit undoes the one before it, so marks come and go.
      const value = k % 2 === 1 ? v : rand(5000) / 100;
      const u = session.update({ kind: "cells", sheet, range: { top: row, left: col, bottom: row, right: col }, values: [[value]] });
      const next = planner.update(u.result.findings, u.delta);
      expect(next).toBe(plan); // applied from the delta, not planned anew
      expect(next).toEqual(planMarks(u.result.findings, multiArea));
      marked = Math.max(marked, next.cells.size);
    }
    expect(marked).toBeGreaterThan(0);
  });

  it("a delta that does not start from the last plan is not applied: the plan is made from the list", () => {
    const f = (address: string, severity: Finding["severity"] = "error"): Finding => ({
      rule: "hierarchy.sum",
      severity,
      message: `m ${address}`,
      messageEn: "m",
      cells: [{ sheet: "S", ...parseA1(address) }],
    });
    const planner = new MarkPlanner(true);
    const a = f("A1");
    const b = f("B2");
    planner.update([a]);
    const stranger = f("C3");
    // Removes a finding it never planned: stale, so the whole list is planned.
    const plan = planner.update([b], { added: [b], removed: [stranger], changed: [] });
    expect(plan).toEqual(planMarks([b], true));
    // A finding added before another on the same cell: the note lists them in list order, as a full plan does.
    const warning: Finding = { ...f("B2", "warning"), rule: "table.total-row", message: "w" };
    const viaDelta = planner.update([warning, b], { added: [warning], removed: [], changed: [] });
    expect(viaDelta.cells.get("S!B2")?.note).toMatch(/^【预算表检查】警告：w\n错误：m B2/);
    expect(viaDelta).toEqual(planMarks([warning, b], true));
  });

  it("in the fake Excel, live edits marked from deltas leave the marks a fresh full write makes", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const excel = fakeFromGrid(wb);
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const writes: boolean[] = [];
    const write = host.writeHighlights.bind(host);
    host.writeHighlights = (findings, delta) => {
      writes.push(delta !== undefined);
      return write(findings, delta);
    };
    const checker = new LiveChecker(host, { debounceMs: 10_000, createSession: (grid) => new CheckSession(grid) });
    await checker.start();
    const grid = structuredClone(wb);
    const rand = random(5);
    const cells = numericCells(wb);
    for (let k = 0; k < 8; k++) {
      const [sheet, row, col, v] = cells[rand(cells.length)];
      const value = k % 3 === 2 ? v : v + 1 + rand(100);
      await excel.userEdit(sheet, toA1(row, col), value);
      await checker.flush();
      grid.sheets.find((s) => s.name === sheet)!.values[row][col] = value;
      const fresh = fakeFromGrid(grid);
      const freshHost = new OfficeHost(fresh.runner, { capabilities: caps() });
      await freshHost.readWorkbook();
      await freshHost.writeHighlights(new CheckSession(structuredClone(grid)).result().findings);
      expect(marksOf(excel)).toEqual(marksOf(fresh));
    }
    expect(marksOf(excel).cfs.length).toBeGreaterThan(0);
    // The first write plans everything; every later one got the session's delta.
    expect(writes[0]).toBe(false);
    expect(writes.slice(1).length).toBeGreaterThan(0);
    expect(writes.slice(1).every(Boolean)).toBe(true);
  });
});
