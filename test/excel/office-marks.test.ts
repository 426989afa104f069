import { MARK_CF_FORMULA, MARK_FILL, MARK_PREFIX, NOTE_LIMIT } from "../../src/core/report/mark-plan";
import { OfficeHost } from "../../src/excel/office-host";
import { PAYLOAD_CAP_BYTES } from "../../src/excel/read-plan";
import type { FakeExcel } from "./fake-excel";
import { caps, finding, manyFindings, typicalWorkbook } from "./fixtures";
import { a1 } from "../../src/core/finding";

const ours = (excel: FakeExcel) =>
  excel.sheets.flatMap((s) => s.cfs.filter((c) => c.formula === MARK_CF_FORMULA).map((c) => ({ sheet: s.name, ...c })));
const ourNotes = (excel: FakeExcel) =>
  excel.sheets.flatMap((s) =>
    [...s.notes]
      .filter(([, n]) => n.content.startsWith(MARK_PREFIX))
      .map(([a, n]) => ({ sheet: s.name, address: a, ...n })),
  );

/** The user's own formatting, rules, notes and comments, which must survive anything the add-in does. */
function decorate(excel: FakeExcel): void {
  const s1 = excel.sheet("Sheet1");
  s1.cells.set("0000003:00002", { ...s1.cells.get("0000003:00002"), fill: "#00FF00" }); // C4 user fill
  s1.cfs.push(
    {
      id: "user-cf-1",
      type: "CellValue",
      formula: null,
      fill: "#0000FF",
      areas: [{ top: 3, left: 2, bottom: 20, right: 2 }],
    },
    {
      id: "user-cf-2",
      type: "Custom",
      formula: "=C4>100",
      fill: "#FF00FF",
      areas: [{ top: 3, left: 3, bottom: 20, right: 3 }],
    },
  );
  s1.notes.set("D5", { content: "用户自己的批注" });
  s1.notes.set("F9", { content: "another user note" });
  excel.comments.push({ id: "user-comment-1", sheetId: s1.id, address: "C6", content: "请核对" });
}

async function sessionHost(excel: FakeExcel, patch = {}): Promise<OfficeHost> {
  const host = new OfficeHost(excel.runner, { capabilities: caps(patch) });
  await host.readWorkbook();
  return host;
}

describe("OfficeHost highlights", () => {
  it("marks error and warning cells with the add-in's conditional format and a note (info findings are pane-only)", async () => {
    const excel = typicalWorkbook(2, 10);
    const host = await sessionHost(excel);
    await host.writeHighlights([
      finding("Sheet1", "C4", "error", { expected: "2185.92", actual: "2185.93" }),
      finding("Sheet1", "C5", "warning"),
      finding("Sheet2", "D7", "info"),
    ]);
    const cfs = ours(excel);
    expect(cfs.map((c) => [c.sheet, c.areas, c.fill])).toEqual(
      expect.arrayContaining([
        ["Sheet1", [{ top: 3, left: 2, bottom: 3, right: 2 }], MARK_FILL.error],
        ["Sheet1", [{ top: 4, left: 2, bottom: 4, right: 2 }], MARK_FILL.warning],
      ]),
    );
    expect(cfs).toHaveLength(2);
    const notes = ourNotes(excel);
    expect(notes.map((n) => n.address).sort()).toEqual(["C4", "C5"]);
    expect(notes.find((n) => n.address === "C4")?.content).toContain("应为 2185.92，实为 2185.93");
    // Events are never switched off around our writes (issue 16): a user's edit meanwhile must still be seen.
    expect(excel.enableEventsHistory).toEqual([]);
  });

  it("writes highlights for 10 findings in one sync, the session's first write included (the read looked for stale marks)", async () => {
    const excel = typicalWorkbook();
    const host = await sessionHost(excel);
    const findings = manyFindings(10, ["Sheet1", "Sheet2"], 40);
    let before = excel.syncCount;
    await host.writeHighlights(findings);
    expect(excel.syncCount - before).toBe(1); // no scan: the read's sync saw no marks of ours and no user notes
    await host.clearHighlights();
    before = excel.syncCount;
    await host.writeHighlights(findings);
    expect(excel.syncCount - before).toBe(1);
    expect(ourNotes(excel)).toHaveLength(10);
  });

  it.each([
    ["runs", "all ExcelApi sets", {}, 1],
    ["scattered", "all ExcelApi sets", {}, 1],
    // Office 2019 (no RangeAreas): 10,000 separate formats exceed one request; split under the cap, never per mark.
    ["scattered", "below ExcelApi 1.9, one format per cell", { rangeAreas: false }, 3],
  ] as const)(
    "writes highlights for 10,000 findings (%s, %s) in the fewest syncs under the 5 MB cap",
    async (pattern, _l, patch, syncs) => {
      const excel = typicalWorkbook(12, 420);
      const host = await sessionHost(excel, patch);
      await host.clearHighlights(); // session start: stale-mark scan
      const findings = manyFindings(
        10_000,
        excel.sheets.map((s) => s.name),
        420,
        pattern,
      );
      const before = excel.syncCount;
      await host.writeHighlights(findings);
      expect(excel.syncCount - before).toBe(syncs);
      for (const x of excel.syncs.slice(before)) expect(x.requestBytes).toBeLessThan(PAYLOAD_CAP_BYTES);
      expect(ourNotes(excel)).toHaveLength(NOTE_LIMIT);
      // Every flagged cell is covered by exactly one of our formats, with its severity's fill.
      const cells = new Map<string, string | null>();
      for (const c of ours(excel))
        for (const a of c.areas)
          for (let r = a.top; r <= a.bottom; r++) {
            const k = `${c.sheet}!${r}:${a.left}`;
            expect(cells.has(k)).toBe(false);
            cells.set(k, c.fill);
          }
      expect(cells.size).toBe(10_000);
      const f = findings[1];
      expect(
        cells.get(
          `${f.cells[0].sheet}!${Number(a1(f.cells[0]).slice(1)) - 1}:${a1(f.cells[0]).charCodeAt(0) - 65}`,
        ),
      ).toBe(MARK_FILL[f.severity as "error" | "warning"]);
    },
  );

  it.each([
    ["notes (ExcelApi 1.18)", {}],
    ["comments (ExcelApi 1.10)", { annotations: "comments" }],
    ["pane only", { annotations: "pane" }],
    ["no RangeAreas (ExcelApi 1.9)", { rangeAreas: false }],
  ])("highlight → clear restores formats, rules, notes and comments exactly: %s", async (_label, patch) => {
    const excel = typicalWorkbook(3, 20);
    decorate(excel);
    const before = excel.snapshot();
    const host = await sessionHost(excel, patch);
    const findings = [
      finding("Sheet1", "C4"), // user fill and user rule here
      finding("Sheet1", "D5", "warning"), // user note here: ours is not stacked on it
      finding("Sheet1", "C6"), // user comment here
      finding("Sheet1", "C7"),
      finding("Sheet1", "C8"),
      finding("Sheet2", "E10"),
    ];
    await host.writeHighlights(findings);
    expect(excel.snapshot()).not.toEqual(before);
    expect(excel.sheet("Sheet1").notes.get("D5")).toEqual({ content: "用户自己的批注" });
    expect(excel.comments.find((c) => c.id === "user-comment-1")?.content).toBe("请核对");
    await host.writeHighlights(findings.slice(2)); // a diff in between
    await host.clearHighlights();
    expect(excel.snapshot()).toEqual(before);
  });

  it("re-marks only what changed: unchanged formats and notes are left in place", async () => {
    const excel = typicalWorkbook(2, 30);
    const host = await sessionHost(excel);
    const a = [finding("Sheet1", "C4"), finding("Sheet1", "E10"), finding("Sheet2", "D20"), finding("Sheet2", "C25")];
    await host.writeHighlights(a);
    const idsBefore = new Map(ours(excel).map((c) => [`${c.sheet}!${JSON.stringify(c.areas)}`, c.id]));
    // The live loop re-reads the edited area first; that read also looks at our notes there (issue 16: a note is
    // removed only while it is exactly ours), so the write that follows needs one sync.
    await host.readRanges([{ sheet: "Sheet2", range: { top: 24, left: 2, bottom: 24, right: 2 } }]);
    const before = excel.syncCount;
    await host.writeHighlights([a[0], a[1], a[2], finding("Sheet1", "F30", "warning")]); // C25 resolved, F30 new
    expect(excel.syncCount - before).toBe(1);
    const last = excel.syncs[excel.syncs.length - 1];
    // delete one format + one note; add one format (add, formula, fill, load id) + one note; no events off/on
    expect(last.ops).toBe(1 + 1 + 3 + 1);
    const after = ours(excel);
    for (const c of after) {
      const k = `${c.sheet}!${JSON.stringify(c.areas)}`;
      if (idsBefore.has(k)) expect(c.id).toBe(idsBefore.get(k));
    }
    expect(
      ourNotes(excel)
        .map((n) => `${n.sheet}!${n.address}`)
        .sort(),
    ).toEqual(["Sheet1!C4", "Sheet1!E10", "Sheet1!F30", "Sheet2!D20"]);
  });

  it("skips the round trip when nothing changed", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await sessionHost(excel);
    await host.writeHighlights([finding("Sheet1", "C4")]);
    const before = excel.syncCount;
    await host.writeHighlights([finding("Sheet1", "C4")]);
    expect(excel.syncCount).toBe(before);
  });

  it("cleans up stale marks of an earlier session, and only those", async () => {
    const excel = typicalWorkbook(2, 20);
    decorate(excel);
    const pristine = excel.snapshot();
    const earlier = await sessionHost(excel);
    await earlier.writeHighlights([
      finding("Sheet1", "C4"),
      finding("Sheet2", "D9"),
      finding("Sheet1", "F12", "warning"),
    ]);
    expect(ours(excel)).toHaveLength(3);
    // The workbook is saved and reopened: a new session knows nothing of those marks.
    const later = await sessionHost(excel);
    await later.clearHighlights();
    expect(excel.snapshot()).toEqual(pristine);
    const again = await sessionHost(excel);
    await earlier.writeHighlights([]); // harmless: ids gone
    await again.writeHighlights([finding("Sheet2", "C5")]);
    expect(ours(excel).map((c) => c.sheet)).toEqual(["Sheet2"]);
    expect(ourNotes(excel).map((n) => n.address)).toEqual(["C5"]);
  });

  it("the first write scans (one more sync) when the read saw marks of an earlier session or the user's notes", async () => {
    const excel = typicalWorkbook(2, 20);
    const earlier = await sessionHost(excel);
    await earlier.writeHighlights([finding("Sheet1", "C4")]);
    const later = await sessionHost(excel); // reopened: marks of the earlier session are in the workbook
    let before = excel.syncCount;
    await later.writeHighlights([finding("Sheet2", "D9")]);
    expect(excel.syncCount - before).toBe(2);
    expect(ours(excel).map((c) => c.sheet)).toEqual(["Sheet2"]);
    expect(ourNotes(excel).map((n) => n.address)).toEqual(["D9"]);

    const withNotes = typicalWorkbook(2, 20);
    withNotes.sheet("Sheet1").notes.set("C4", { content: "用户的批注" });
    const host = await sessionHost(withNotes);
    before = withNotes.syncCount;
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C9")]);
    expect(withNotes.syncCount - before).toBe(2); // a user note on a sheet we annotate: find out where
    expect(withNotes.sheet("Sheet1").notes.get("C4")).toEqual({ content: "用户的批注" });
    expect(ourNotes(withNotes).map((n) => n.address)).toEqual(["C9"]);

    // A user note on another sheet does not matter: one sync.
    const elsewhere = typicalWorkbook(2, 20);
    elsewhere.sheet("Sheet2").notes.set("B2", { content: "别处的批注" });
    const third = await sessionHost(elsewhere);
    before = elsewhere.syncCount;
    await third.writeHighlights([finding("Sheet1", "C4")]);
    expect(elsewhere.syncCount - before).toBe(1);
    expect(elsewhere.sheet("Sheet2").notes.get("B2")).toEqual({ content: "别处的批注" });
  });

  it("a note the user adds between the read and the first write is kept (the write fails, rescans, writes again)", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await sessionHost(excel);
    excel.sheet("Sheet1").notes.set("C5", { content: "刚写的" });
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C5")]);
    expect(excel.sheet("Sheet1").notes.get("C5")).toEqual({ content: "刚写的" });
    expect(ourNotes(excel).map((n) => n.address)).toEqual(["C4"]);
    expect(ours(excel)).toHaveLength(1);
    expect(excel.enableEvents).toBe(true);
  });

  it("clearing at the start of a session costs no sync when the read saw nothing of ours", async () => {
    const excel = typicalWorkbook(2, 10);
    decorate(excel);
    const pristine = excel.snapshot();
    const host = await sessionHost(excel);
    const before = excel.syncCount;
    await host.clearHighlights();
    expect(excel.syncCount - before).toBe(0);
    expect(excel.snapshot()).toEqual(pristine);
  });

  it("after rows are inserted, rescans instead of trusting stale addresses (no user note is touched)", async () => {
    const excel = typicalWorkbook(1, 30);
    decorate(excel);
    const host = await sessionHost(excel);
    await host.onChange(() => undefined);
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C8")]);
    await excel.userInsertRows("Sheet1", 2, 2); // our C4/C8 marks move to C6/C10; the user's D5 note to D7
    excel.sheet("Sheet1").notes.set("C8", { content: "a user note where our old C8 note was" });
    await host.writeHighlights([finding("Sheet1", "C6"), finding("Sheet1", "C10")]);
    expect(excel.sheet("Sheet1").notes.get("C8")?.content).toBe("a user note where our old C8 note was");
    expect(excel.sheet("Sheet1").notes.get("D7")?.content).toBe("用户自己的批注");
    expect(
      ourNotes(excel)
        .map((n) => n.address)
        .sort(),
    ).toEqual(["C10", "C6"]);
    expect(ours(excel).flatMap((c) => c.areas)).toEqual([
      { top: 5, left: 2, bottom: 5, right: 2 },
      { top: 9, left: 2, bottom: 9, right: 2 },
    ]);
  });

  it("recovers when the user put a note where the add-in wants one (rescan, then write)", async () => {
    const excel = typicalWorkbook(1, 10);
    const host = await sessionHost(excel);
    await host.writeHighlights([finding("Sheet1", "C4")]);
    excel.sheet("Sheet1").notes.set("C5", { content: "mine" });
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "C5")]);
    expect(excel.sheet("Sheet1").notes.get("C5")).toEqual({ content: "mine" });
    expect(ours(excel)).toHaveLength(1); // one run C4:C5
    expect(ours(excel)[0].areas).toEqual([{ top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(excel.enableEvents).toBe(true);
  });

  it("before ExcelApi 1.14 (no getItemOrNullObject) a mark the user deleted makes the batch fail: rescan and rewrite", async () => {
    const excel = typicalWorkbook(1, 10);
    decorate(excel);
    const host = await sessionHost(excel, { itemOrNullObject: false, rangeAreas: false });
    await host.writeHighlights([finding("Sheet1", "C4"), finding("Sheet1", "E9")]);
    const s1 = excel.sheet("Sheet1");
    s1.cfs = s1.cfs.filter((c) => !(c.formula === MARK_CF_FORMULA && c.areas[0].top === 3)); // user removed our C4 rule
    await host.writeHighlights([finding("Sheet1", "E9"), finding("Sheet1", "F10", "warning")]);
    expect(excel.syncs.some((x) => x.error === "ItemNotFound")).toBe(true);
    expect(ours(excel).map((c) => c.areas[0])).toEqual(
      expect.arrayContaining([
        { top: 8, left: 4, bottom: 8, right: 4 },
        { top: 9, left: 5, bottom: 9, right: 5 },
      ]),
    );
    expect(ours(excel)).toHaveLength(2);
    expect(
      ourNotes(excel)
        .map((n) => n.address)
        .sort(),
    ).toEqual(["E9", "F10"]);
    expect(excel.enableEvents).toBe(true);
    await host.clearHighlights();
    expect(ours(excel)).toHaveLength(0);
    expect(s1.cfs.map((c) => c.id)).toEqual(["user-cf-1", "user-cf-2"]);
  });
});
