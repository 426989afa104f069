import { parseRange } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/engine";
import type { CellValue, GridWorkbook } from "../../src/core/grid";
import type { Finding } from "../../src/core/finding";
import { findingKey } from "../../src/core/finding-delta";
import { CheckSession, type UpdateResult } from "../../src/core/session";
import { loadFixture } from "../helpers/fixtures";
import { a1 } from "../../src/core/finding";

const clone = (wb: GridWorkbook): GridWorkbook => structuredClone(wb);

function edit(session: CheckSession, sheet: string, address: string, value: CellValue) {
  return session.update({ kind: "cells", sheet, range: parseRange(address), values: [[value]] });
}

const content = (f: Finding): string => JSON.stringify(f);

/** The delta is exactly the difference of the two results, by content, and every finding outside it kept its object. */
function expectExactDelta(before: readonly Finding[], u: UpdateResult): void {
  const { added, removed, changed } = u.delta;
  const after = u.result.findings;
  const count = (list: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of list) m.set(content(f), (m.get(content(f)) ?? 0) + 1);
    return m;
  };
  const rebuilt = count(before);
  for (const f of [...removed, ...changed.map((c) => c.before)]) {
    expect(before).toContain(f);
    rebuilt.set(content(f), rebuilt.get(content(f))! - 1);
  }
  for (const f of [...added, ...changed.map((c) => c.after)]) rebuilt.set(content(f), (rebuilt.get(content(f)) ?? 0) + 1);
  expect(new Map([...rebuilt].filter(([, n]) => n !== 0))).toEqual(count(after));
  const beforeContent = new Set(before.map(content));
  const afterContent = new Set(after.map(content));
  for (const f of added) expect(beforeContent.has(content(f))).toBe(false);
  for (const f of removed) expect(afterContent.has(content(f))).toBe(false);
  for (const c of changed) {
    expect(findingKey(c.before)).toBe(findingKey(c.after));
    expect(content(c.before)).not.toBe(content(c.after));
  }
  const fresh = new Set([...added, ...changed.map((c) => c.after)]);
  for (const f of after) if (!fresh.has(f)) expect(before).toContain(f);
}

describe("CheckSession delta", () => {
  it("an edit's delta is exactly what changed, and undoing it gives the reverse", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const start = session.result().findings;
    const u = edit(session, "三公经费支出表", "D14", 1.68);
    expectExactDelta(start, u);
    expect(u.delta.added.length + u.delta.changed.length).toBeGreaterThan(0);
    expect(u.delta.added.some((f) => f.cells[0].sheet === "三公经费支出表" && a1(f.cells[0]) === "D14")).toBe(true);
    // Findings the edit did not touch are the very objects of the result before.
    expect(u.result.findings.length - u.delta.added.length - u.delta.changed.length).toBe(
      u.result.findings.filter((f) => start.includes(f)).length,
    );
    const mid = u.result.findings;
    const back = edit(session, "三公经费支出表", "D14", wb.sheets.find((s) => s.name === "三公经费支出表")!.values[13][3]);
    expectExactDelta(mid, back);
    expect(back.delta.removed.map(content).sort()).toEqual(u.delta.added.map(content).sort());
    expect(back.delta.added.map(content).sort()).toEqual(u.delta.removed.map(content).sort());
    expect(back.result.findings.map(content)).toEqual(start.map(content));
  });

  it("no change, no delta; a structural edit's delta is exact too", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const start = session.result().findings;
    const same = edit(session, "支出总表", "A1", wb.sheets.find((s) => s.name === "支出总表")!.values[0][0]);
    expect(same.delta).toEqual({ added: [], removed: [], changed: [] });
    expect(same.result.findings.every((f, i) => f === start[i])).toBe(true);
    // An amount typed into a row the table did not know: the sheet is recognised again.
    const u = edit(session, "收支总表", "C15", 5);
    expect(u.recognised).toBe(true);
    expectExactDelta(start, u);
    expect(u.delta.added.length + u.delta.removed.length + u.delta.changed.length).toBeGreaterThan(0);
  });
});

describe("CheckSession", () => {
  it("an amount edit re-evaluates only the identities of the affected tables and matches a full check", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const u = edit(session, "三公经费支出表", "D14", 1.68);
    expect(u.recognised).toBe(false);
    // 公务接待费 is read by the 三公 table's own sums and by 基本支出表 30217; nothing else is re-checked.
    expect(u.recheckedTables.sort()).toEqual(["三公经费支出表!A1:F16", "基本支出表!A1:F30"]);
    const full = clone(session.grid);
    expect(u.result).toEqual(checkWorkbook(full));
    expect(u.result.findings.some((f) => a1(f.cells[0]) === "D14")).toBe(true);
  });

  it("restoring the value clears the findings again", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    edit(session, "支出总表", "E9", 1000);
    expect(session.result().findings.length).toBeGreaterThan(0);
    const u = edit(session, "支出总表", "E9", 1457.87);
    expect(u.result.findings).toEqual([]);
  });

  it("an edit to a code or header re-recognises that sheet only", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const u = edit(session, "支出总表", "B9", "2050899");
    expect(u.recognised).toBe(true);
    expect(u.recheckedTables).toEqual(["支出总表!A1:I23"]);
    expect(u.result).toEqual(checkWorkbook(clone(session.grid)));
  });

  it("typing an amount into a row the table did not know yet (blank row) is picked up", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    // 收支总表 row 15 income side is blank: an amount there must change 本年收入合计.
    const u = edit(session, "收支总表", "C15", 5);
    expect(u.recognised).toBe(true);
    expect(u.result.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    expect(u.result).toEqual(checkWorkbook(clone(session.grid)));
  });

  it("many random single edits give the same result as a full check each time", async () => {
    const wb = await loadFixture("henan-yibin-social-security-2022");
    const session = new CheckSession(clone(wb));
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const numeric: Array<[string, number, number]> = [];
    for (const s of wb.sheets) s.values.forEach((r, i) => r?.forEach((v, j) => typeof v === "number" && numeric.push([s.name, i, j])));
    for (let k = 0; k < 25; k++) {
      const [sheet, row, col] = numeric[rand(numeric.length)];
      const before = session.result().findings;
      const u = session.update({ kind: "cells", sheet, range: { top: row, left: col, bottom: row, right: col }, values: [[rand(5000) / 100]] });
      expect(u.result).toEqual(checkWorkbook(clone(session.grid)));
      expectExactDelta(before, u);
    }
  });

  it("sheet rename, deletion and replacement re-check the workbook", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    let u = session.update({ kind: "sheet-renamed", from: "支出总表", to: "Sheet3" });
    expect(u.result.tables.map((t) => t.sheet)).toContain("Sheet3");
    expect(u.result.findings).toEqual([]);
    u = session.update({ kind: "sheet-deleted", name: "Sheet3" });
    expect(u.result.tables.some((t) => t.kind === "expenditure")).toBe(false);
    const restored = clone(wb).sheets.find((s) => s.name === "支出总表")!;
    u = session.update({ kind: "sheet", sheet: restored });
    expect(u.result.findings).toEqual([]);
  });
});

describe("CheckSession cell findings", () => {
  it("an error value typed and then corrected: the cell finding appears and goes away", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    let u = edit(session, "支出总表", "E9", { error: "#DIV/0!" });
    expect(u.result.findings.filter((f) => f.rule === "cell.error-value").map((f) => a1(f.cells[0]))).toEqual(["E9"]);
    u = edit(session, "支出总表", "E9", "1,457.87");
    expect(u.recognised).toBe(false);
    expect(u.result.findings.map((f) => f.rule)).toEqual(["cell.number-as-text"]);
    u = edit(session, "支出总表", "E9", 1457.87);
    expect(u.result.findings).toEqual([]);
  });
});

describe("CheckSession batches", () => {
  it("a burst over two sheets is one re-check whose result equals a full check", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const u = session.update([
      { kind: "cells", sheet: "支出总表", range: parseRange("E9"), values: [[1500]] },
      { kind: "cells", sheet: "三公经费支出表", range: parseRange("D14"), values: [[1.68]] },
    ]);
    expect(u.recognised).toBe(false);
    expect(u.recheckedTables).toEqual(expect.arrayContaining(["三公经费支出表!A1:F16", "支出总表!A1:I24"]));
    expect(u.result).toEqual(checkWorkbook(clone(session.grid)));
  });

  it("a burst with one structural edit re-recognises that sheet and still equals a full check", async () => {
    const wb = await loadFixture("shijiazhuang-social-insurance-2023");
    const session = new CheckSession(clone(wb));
    const u = session.update([
      { kind: "cells", sheet: "支出总表", range: parseRange("B9"), values: [["2050899"]] },
      { kind: "cells", sheet: "收入总表", range: parseRange("D9"), values: [[22]] },
    ]);
    expect(u.recognised).toBe(true);
    expect(u.result).toEqual(checkWorkbook(clone(session.grid)));
  });
});
