import { parseRange } from "../../src/core/address";
import { CheckSession } from "../../src/core/session";
import { TargetNotEmptyError } from "../../src/host/host";
import { LiveChecker } from "../../src/live/live-checker";
import { MARK_PREFIX } from "../../src/core/report/mark-plan";
import { MemoryHost } from "../../src/host/memory-host";
import { loadFixture } from "../helpers/fixtures";
import { NegativeCellsSession, finding, sleep } from "../excel/fixtures";

describe("MemoryHost over a workbook loaded from .xlsx", () => {
  it("drives a live check with the core session: one edit → one table-scoped re-check → marks as data", async () => {
    const wb = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const host = new MemoryHost(wb);
    const rechecked: string[][] = [];
    const checker = new LiveChecker(host, {
      debounceMs: 10,
      createSession: (grid) => {
        const s = new CheckSession(grid);
        const update = s.update.bind(s);
        s.update = (c) => {
          const u = update(c);
          rechecked.push(u.recheckedTables);
          return u;
        };
        return s;
      },
    });
    await checker.start();
    const initialFindings = checker.findings.length;
    host.setCellValue("三公经费支出表", "D14", 1.68);
    host.setCellValue("三公经费支出表", "D14", 1.69); // typed twice quickly
    await sleep(50);
    expect(rechecked).toHaveLength(1);
    expect(rechecked[0].sort()).toEqual(["三公经费支出表!A1:F16", "基本支出表!A1:F30"]);
    expect(checker.findings.length).toBeGreaterThan(initialFindings);
    const mark = host.markAt("三公经费支出表", "D14");
    expect(mark?.severity).toBe("error");
    expect(mark?.note.startsWith(MARK_PREFIX)).toBe(true);
    await checker.clearMarks();
    expect(host.marks().cells).toEqual([]);
    await checker.stop();
  });

  it("does not put a note on a cell with the user's own note", async () => {
    const host = new MemoryHost({ sheets: [{ name: "表", values: [[1, -1]], merges: [] }] });
    host.userNotes.set("表!B1", "mine");
    await host.writeHighlights([finding("表", "B1")]);
    expect(host.markAt("表", "B1")).toMatchObject({ severity: "error", note: "" });
  });

  it("reads ranges and sheets as copies (the session's edits never leak back)", async () => {
    const host = new MemoryHost({
      sheets: [
        {
          name: "表",
          values: [
            [1, 2],
            [3, 4],
          ],
          merges: [],
        },
      ],
    });
    const [r] = await host.readRanges([{ sheet: "表", range: parseRange("B1:B2") }]);
    expect(r.values).toEqual([[2], [4]]);
    const wb = await host.readWorkbook();
    wb.sheets[0].values[0][0] = 99;
    expect(host.workbook.sheets[0].values[0][0]).toBe(1);
  });

  it("inserts codes at the selection and refuses over data with the sheet and cells named", async () => {
    const host = new MemoryHost({ sheets: [{ name: "支出表", values: [[null, null, null, null, "x"]], merges: [] }] });
    host.select("支出表", "A2");
    const changes: string[] = [];
    await host.onChange((c) => changes.push(c.kind));
    await host.insertCodes([{ code: "2080505", name: "养老" }], "split");
    expect(host.workbook.sheets[0].values[1]).toEqual(["208", "05", "05", "养老"]);
    expect(changes).toEqual(["cells"]);
    host.select("支出表", "B1");
    await expect(host.insertCodes([{ code: "2080505", name: "养老" }], "split")).rejects.toThrow(
      new TargetNotEmptyError("支出表", "B1:E1"),
    );
  });

  it("insertBlock new-sheet adds a uniquely named sheet and announces it", async () => {
    const host = new MemoryHost({ sheets: [{ name: "收支总表", values: [], merges: [] }] });
    const changes: string[] = [];
    await host.onChange((c) => changes.push(c.kind === "sheet" ? `sheet:${c.sheet}` : c.kind));
    const r = await host.insertBlock({ title: "收支总表", values: [["收支总表"]] }, "new-sheet");
    expect(r.sheet).toBe("收支总表(2)");
    expect(changes).toEqual(["sheet:收支总表(2)"]);
  });

  it("insertRows fires a whole-sheet change", async () => {
    const host = new MemoryHost({ sheets: [{ name: "表", values: [[1], [2]], merges: [] }] });
    const changes: unknown[] = [];
    await host.onChange((c) => changes.push(c));
    host.insertRows("表", 1, 1);
    expect(host.workbook.sheets[0].values).toEqual([[1], [], [2]]);
    expect(changes).toEqual([{ kind: "sheet", sheet: "表" }]);
  });

  it("continuous typing is still re-checked at least every maxWaitMs", async () => {
    const host = new MemoryHost({ sheets: [{ name: "表", values: [[1, 2, 3]], merges: [] }] });
    const sessions: NegativeCellsSession[] = [];
    const checker = new LiveChecker(host, {
      debounceMs: 40,
      maxWaitMs: 100,
      createSession: (wb) => {
        const s = new NegativeCellsSession(wb);
        sessions.push(s);
        return s;
      },
    });
    await checker.start();
    for (let i = 0; i < 12; i++) {
      host.setCellValue("表", "A1", -i);
      await sleep(20);
    }
    expect(sessions[0].updates.length).toBeGreaterThanOrEqual(2);
    await checker.stop();
  });

  it("a failing check surfaces as an error state for the pane (and start() rejects)", async () => {
    const host = new MemoryHost({ sheets: [{ name: "表", values: [[1]], merges: [] }] });
    const checker = new LiveChecker(host, {
      createSession: () => {
        throw new Error("引擎错误");
      },
    });
    const states: string[] = [];
    checker.subscribe((s) => states.push(s.status));
    await expect(checker.start()).rejects.toThrow("引擎错误");
    expect(checker.state).toMatchObject({ status: "error", error: "引擎错误" });
    expect(states).toEqual(["idle", "error"]);
    await checker.stop();
  });
});
