/**
 * Issue 16: the add-in's marks never touch the user's notes, in every order of events. Each case is a way a user
 * works (deleting our note and writing their own, extending ours, copying a marked cell, editing while marks are
 * written, renaming or deleting sheets with live checking off, the ribbon's Check, replying to our comment) against
 * the fake Excel; the registry of what we wrote lives in the workbook's settings (a store shared by every session).
 */
import { LiveChecker } from "../../src/live/live-checker";
import { CLEARED_COMMENT, memoryMarkStore, type MarkStore } from "../../src/excel/mark-registry";
import { MARK_CF_FORMULA, MARK_PREFIX } from "../../src/core/report/mark-plan";
import { OfficeHost } from "../../src/excel/office-host";
import type { FakeExcel } from "./fake-excel";
import { NegativeCellsSession, caps, finding, typicalWorkbook } from "./fixtures";
import { a1 } from "../../src/core/finding";

const ourCfs = (excel: FakeExcel) =>
  excel.sheets.flatMap((s) => s.cfs.filter((c) => c.formula === MARK_CF_FORMULA).map((c) => ({ sheet: s.name, ...c })));
const noteAt = (excel: FakeExcel, sheet: string, address: string) => excel.sheet(sheet).notes.get(address)?.content;

async function session(excel: FakeExcel, store: MarkStore, patch = {}): Promise<OfficeHost> {
  const host = new OfficeHost(excel.runner, { capabilities: caps(patch), markStore: store });
  await host.readWorkbook();
  return host;
}

describe("marks are removed by identity, never by text prefix", () => {
  it("clearing keeps a note the user wrote where ours was after deleting ours", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C5")]);
    const s1 = excel.sheet("Sheet1");
    s1.notes.delete("C4");
    s1.notes.set("C4", { content: `${MARK_PREFIX}我自己的说明：此数已核对` });
    await host.clearHighlights();
    expect(noteAt(excel, "Sheet1", "C4")).toBe(`${MARK_PREFIX}我自己的说明：此数已核对`);
    expect(noteAt(excel, "Sheet1", "C5")).toBeUndefined();
    expect(ourCfs(excel)).toHaveLength(0);
  });

  it("a live re-mark (the finding is fixed) keeps the user's note written in place of ours", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C5")]);
    excel.sheet("Sheet1").notes.delete("C4");
    excel.sheet("Sheet1").notes.set("C4", { content: "用户的批注" });
    await host.writeHighlights([finding("Sheet1", "C5")]);
    expect(noteAt(excel, "Sheet1", "C4")).toBe("用户的批注");
  });

  it("a note the user extended keeps the user's part; only our text is taken out", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4")]);
    const ours = noteAt(excel, "Sheet1", "C4") as string;
    excel.sheet("Sheet1").notes.set("C4", { content: `${ours}\n用户补充：已与财政核实` });
    await host.clearHighlights();
    expect(noteAt(excel, "Sheet1", "C4")).toBe("用户补充：已与财政核实");
  });

  it("a note copied from an old mark to another cell is the user's: a later session's clear leaves it", async () => {
    const excel = typicalWorkbook(1, 10);
    const store = memoryMarkStore();
    const earlier = await session(excel, store);
    await earlier.writeHighlights([finding("Sheet1", "C4")]);
    const ours = noteAt(excel, "Sheet1", "C4");
    excel.sheet("Sheet1").notes.set("F9", { content: ours as string }); // the user copied our note's text
    const later = await session(excel, store); // reopened: the registry comes from the workbook's settings
    await later.clearHighlights();
    expect(noteAt(excel, "Sheet1", "C4")).toBeUndefined();
    expect(noteAt(excel, "Sheet1", "F9")).toBe(ours);
  });

  it("a mark copied by paste does not stay red after clearing (our rule is found by its signature)", async () => {
    const excel = typicalWorkbook(2, 30);
    const host = await session(excel, memoryMarkStore());
    await host.onChange(() => undefined);
    await host.writeHighlights([finding("Sheet1", "C4")]);
    await excel.userCopyCell("Sheet1", "C4", "H20");
    expect(ourCfs(excel)).toHaveLength(2);
    await host.clearHighlights();
    expect(ourCfs(excel)).toHaveLength(0);
  });

  it("clearing a comment keeps the user's reply in its thread", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await session(excel, memoryMarkStore(), { annotations: "comments" });
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C5")]);
    excel.userReply("Sheet1", "C4", "已改正，请复核");
    await host.clearHighlights();
    const s1 = excel.sheet("Sheet1");
    const thread = excel.comments.filter((c) => c.sheetId === s1.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ address: "C4", content: CLEARED_COMMENT });
    expect(thread[0].replies?.map((r) => r.content)).toEqual(["已改正，请复核"]);
  });
});

describe("no muting of the user's edits", () => {
  it.each([
    ["ExcelApi 1.8–1.13 (no triggerSource)", { triggerSource: false }],
    ["ExcelApi 1.14+ (triggerSource)", {}],
  ])("an edit made while marks are being written is checked: %s", async (_label, patch) => {
    const excel = typicalWorkbook(1, 10);
    excel.sheet("Sheet1").cells.set("0000005:00003", { value: -4 }); // D6
    const host = new OfficeHost(excel.runner, { capabilities: caps(patch), markStore: memoryMarkStore() });
    const checker = new LiveChecker(host, { debounceMs: 20, createSession: (wb) => new NegativeCellsSession(wb) });
    await checker.start();
    await excel.userEdit("Sheet1", "D5", -1);
    excel.duringNextWrite = () => excel.userEdit("Sheet1", "D7", -9);
    await checker.flush(); // re-reads D5, writes its mark; D7 is typed meanwhile
    await checker.flush();
    expect(checker.findings.map((f) => a1(f.cells[0])).sort()).toEqual(["D5", "D6", "D7"]);
    expect(excel.enableEventsHistory).toEqual([]);
    await checker.stop();
  });
});

describe("clearing always finishes", () => {
  it("live checking off: a renamed sheet's marks are still cleared (sheets are known by id)", async () => {
    const excel = typicalWorkbook(2, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet2", "C4"), finding("Sheet1", "D5")]);
    await excel.userRenameSheet("Sheet2", "支出表"); // no handlers: live checking is off
    await host.clearHighlights();
    expect(ourCfs(excel)).toHaveLength(0);
    expect([...excel.sheet("支出表").notes.keys()]).toEqual([]);
  });

  it("live checking off: a deleted sheet does not make clearing fail for the others", async () => {
    const excel = typicalWorkbook(3, 10, { strictNullNavigation: true });
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet2", "C4"), finding("Sheet3", "E6")]);
    await excel.userDeleteSheet("Sheet2");
    await expect(host.clearHighlights()).resolves.toBeUndefined();
    expect(ourCfs(excel)).toHaveLength(0);
    expect(noteAt(excel, "Sheet1", "C4")).toBeUndefined();
    expect(noteAt(excel, "Sheet3", "E6")).toBeUndefined();
  });

  it("a protected sheet does not block clearing the others; its marks go once it is unprotected", async () => {
    const excel = typicalWorkbook(3, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet2", "C4"), finding("Sheet3", "E6")]);
    excel.sheet("Sheet2").protected = true;
    await host.clearHighlights();
    expect(ourCfs(excel).map((c) => c.sheet)).toEqual(["Sheet2"]);
    expect(noteAt(excel, "Sheet1", "C4")).toBeUndefined();
    excel.sheet("Sheet2").protected = false;
    await host.clearHighlights();
    expect(ourCfs(excel)).toHaveLength(0);
    expect(noteAt(excel, "Sheet2", "C4")).toBeUndefined();
  });
});

describe("the ribbon and the pane share one mark registry", () => {
  it("the pane clears the ribbon's marks, and a cell fixed after the ribbon's Check does not stay red", async () => {
    const excel = typicalWorkbook(2, 10);
    const store = memoryMarkStore(); // the workbook's settings: the same for both
    const pane = await session(excel, store);
    await pane.writeHighlights([finding("Sheet1", "C4")]);
    const ribbon = await session(excel, store); // the ribbon's function file: its own host, every click
    await ribbon.writeHighlights([finding("Sheet1", "C4"), finding("Sheet2", "E9")]);
    // The user fixes E9; the pane's live re-check finds only C4 now.
    await pane.writeHighlights([finding("Sheet1", "C4")]);
    expect(ourCfs(excel).map((c) => c.sheet)).toEqual(["Sheet1"]);
    expect(noteAt(excel, "Sheet2", "E9")).toBeUndefined();
    await ribbon.writeHighlights([finding("Sheet1", "C4"), finding("Sheet2", "E9")]);
    await pane.clearHighlights();
    expect(ourCfs(excel)).toHaveLength(0);
    expect(excel.sheets.flatMap((s) => [...s.notes.keys()])).toEqual([]);
  });
});

describe("round trips of the new paths", () => {
  it("a live edit that fixes a finding: one re-read (which also looks at our note) and one write", async () => {
    const excel = typicalWorkbook(2, 10);
    excel.sheet("Sheet1").cells.set("0000005:00003", { value: -4 }); // D6
    const host = new OfficeHost(excel.runner, { capabilities: caps(), markStore: memoryMarkStore() });
    const checker = new LiveChecker(host, { debounceMs: 20, createSession: (wb) => new NegativeCellsSession(wb) });
    await checker.start();
    expect(noteAt(excel, "Sheet1", "D6")).toContain(MARK_PREFIX);
    const before = excel.syncCount;
    await excel.userEdit("Sheet1", "D6", 5);
    await checker.flush();
    expect(excel.syncCount - before).toBe(2);
    expect(noteAt(excel, "Sheet1", "D6")).toBeUndefined();
    expect(ourCfs(excel)).toHaveLength(0);
    await checker.stop();
  });

  it("the first write of a session is one sync, also on a workbook whose marks were cleared before", async () => {
    const excel = typicalWorkbook(2, 10);
    const store = memoryMarkStore();
    const earlier = await session(excel, store);
    await earlier.writeHighlights([finding("Sheet1", "C4")]);
    await earlier.clearHighlights();
    const later = await session(excel, store);
    const before = excel.syncCount;
    await later.writeHighlights([finding("Sheet2", "D9")]);
    expect(excel.syncCount - before).toBe(1);
  });

  it("removing a note no re-read looked at (another sheet) costs one more sync; clearing is three", async () => {
    const excel = typicalWorkbook(2, 10);
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet2", "D9")]);
    let before = excel.syncCount;
    await host.writeHighlights([finding("Sheet1", "C4")]);
    expect(excel.syncCount - before).toBe(2); // look at Sheet2!D9's note, then remove it
    before = excel.syncCount;
    await host.clearHighlights();
    expect(excel.syncCount - before).toBe(3); // the sheets as they are now, their marks, the removals
    expect(ourCfs(excel)).toHaveLength(0);
  });

  it("the registry is saved in the workbook's settings with ids, exact texts and sheet ids", async () => {
    const excel = typicalWorkbook(1, 10);
    const store = memoryMarkStore();
    const host = await session(excel, store);
    await host.writeHighlights([finding("Sheet1", "C4")]);
    const saved = store.data as { cfs: unknown[][]; notes: unknown[][] };
    const cf = ourCfs(excel)[0];
    expect(saved.cfs).toEqual([[expect.any(String), "Sheet1", "error", "C4", cf.id, excel.sheet("Sheet1").id]]);
    expect(saved.notes).toEqual([["Sheet1", "C4", "error", noteAt(excel, "Sheet1", "C4"), excel.sheet("Sheet1").id]]);
  });
});

describe("live checking repairs a pasted copy of a mark", () => {
  it("the copy goes with the edit's write, also when no finding changed", async () => {
    const excel = typicalWorkbook(1, 30);
    excel.sheet("Sheet1").cells.set("0000005:00003", { value: -4 }); // D6
    const host = new OfficeHost(excel.runner, { capabilities: caps(), markStore: memoryMarkStore() });
    const checker = new LiveChecker(host, { debounceMs: 20, createSession: (wb) => new NegativeCellsSession(wb) });
    await checker.start();
    await excel.userCopyCell("Sheet1", "D6", "H20"); // formats and note come along
    excel.sheet("Sheet1").cells.set("0000019:00007", { value: 3 }); // the user then typed a correct value there
    const before = excel.syncCount;
    await checker.flush();
    expect(checker.findings.map((f) => a1(f.cells[0]))).toEqual(["D6"]);
    expect(ourCfs(excel).map((c) => c.areas)).toEqual([[{ top: 5, left: 3, bottom: 5, right: 3 }]]);
    expect(excel.syncCount - before).toBe(2); // re-read + one write
    await checker.stop();
  });
});

describe("workbooks marked before the registry existed", () => {
  it("prefixed notes and comments of an earlier version are removed, a replied thread is kept", async () => {
    const excel = typicalWorkbook(1, 10);
    const s1 = excel.sheet("Sheet1");
    s1.notes.set("C4", { content: `${MARK_PREFIX}错误：旧版本的标记` });
    s1.notes.set("D5", { content: "用户的批注" });
    const host = await session(excel, memoryMarkStore()); // nothing stored: an earlier version's workbook
    await host.clearHighlights();
    expect([...s1.notes.keys()]).toEqual(["D5"]);

    const withComments = typicalWorkbook(1, 10);
    const w1 = withComments.sheet("Sheet1");
    withComments.comments.push(
      { id: "old-1", sheetId: w1.id, address: "C4", content: `${MARK_PREFIX}错误：旧版本的标记` },
      { id: "old-2", sheetId: w1.id, address: "C5", content: `${MARK_PREFIX}错误：旧版本的标记`, replies: [{ id: "r", content: "已改" }] },
    );
    const commentsHost = await session(withComments, memoryMarkStore(), { annotations: "comments" });
    await commentsHost.clearHighlights();
    expect(withComments.comments.map((c) => [c.id, c.content, c.replies?.length ?? 0])).toEqual([["old-2", CLEARED_COMMENT, 1]]);
  });
});

describe("notes that moved with inserted rows while live checking was off", () => {
  it("are found by their registered text when exactly one note on the sheet carries it; the user's notes stay", async () => {
    const excel = typicalWorkbook(1, 30);
    excel.sheet("Sheet1").notes.set("D5", { content: "用户自己的批注" });
    const host = await session(excel, memoryMarkStore());
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C8")]);
    const c8 = noteAt(excel, "Sheet1", "C8") as string;
    await excel.userInsertRows("Sheet1", 2, 2); // no handlers: C4 → C6, C8 → C10, D5 → D7
    excel.sheet("Sheet1").notes.set("H3", { content: c8 }); // the user copied one of our notes' text
    await host.clearHighlights();
    const s1 = excel.sheet("Sheet1");
    expect(noteAt(excel, "Sheet1", "C6")).toBeUndefined();
    expect(noteAt(excel, "Sheet1", "D7")).toBe("用户自己的批注");
    // Two notes carry C8's text: which one is ours cannot be told, so both stay (never delete the user's).
    expect([...s1.notes.keys()].sort()).toEqual(["C10", "D7", "H3"]);
    expect(ourCfs(excel)).toHaveLength(0);
  });
});
