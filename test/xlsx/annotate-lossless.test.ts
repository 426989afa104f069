/**
 * Issue 15 "Must show": `--annotate` is a surgical patch. On a workbook with everything a user may have (see
 * rich-workbook.ts) and on the published fixtures: every part the marks do not need is byte-identical (uncompressed)
 * and in its place, every user note's text is still there, marked cells carry the mark fill with their number
 * format, font, border, alignment and protection intact, the copy passes a strict open, and the input is unchanged.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Finding } from "../../src/core/finding";
import { MARK_PREFIX } from "../../src/core/report/mark-plan";
import { annotateWorkbook } from "../../src/cli/annotate";
import { annotateXlsx, argbOf } from "../../src/xlsx/annotate/annotate-xlsx";
import { fixturePath, FIXTURE_NAMES } from "../helpers/fixtures";
import { cellFormat, descendants, notesOf, parseXml, sheetParts, strictOpen, text, unzip } from "../helpers/xlsx-parts";
import { RICH_PARTS, richWorkbook } from "./rich-workbook";
import { parseA1 } from "../../src/core/address";

function finding(severity: Finding["severity"], sheet: string, address: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { rule: "hierarchy.sum", severity, message, messageEn: message, cells: [{ sheet, ...parseA1(address) }], ...extra };
}

const FINDINGS: Finding[] = [
  finding("error", "收支总表", "B2", "合计与明细之和不符", { expected: "1,235.50", actual: "1,234.50" }),
  finding("warning", "收支总表", "C3", "日期晚于预算年度"),
  finding("error", "收支总表", "E5", "公式结果与合计不符"),
  finding("warning", "收支总表", "G9", "缺少金额"),
  finding("error", "支出表", "A1", "合计行标题不规范"),
  finding("warning", "支出表", "B7", "空行中的数"),
  finding("warning", "支出表", "B3", "行格式继承"),
  finding("error", "SDK表", "B2", "SDK 单元格"),
  finding("info", "收支总表", "A1", "提示不标注"),
  finding("error", "没有这张表", "A1", "不存在的表"),
];

/** Parts the marks may change on the rich workbook; every other part must keep its bytes. */
const MAY_CHANGE = new Set([
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/sheet3.xml",
  "xl/comments1.xml",
  "xl/comments/comment1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/drawings/commentsDrawing1.vml",
]);

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/** A sheet's XML with every s= removed, for "nothing but style ids changed". */
const withoutStyles = (xml: string) => xml.replace(/ s="\d+"/g, "");

describe("--annotate on a workbook with everything a user may have", () => {
  const input = richWorkbook();
  const inputHash = sha(input);
  const { data, summary } = annotateXlsx(input, FINDINGS);
  const before = unzip(input);
  const after = unzip(data);

  it("reports what it marked, skipped and left without a note", () => {
    expect(summary.marked).toBe(8);
    expect(summary.skipped).toEqual([{ sheet: "没有这张表", row: 0, col: 0 }]);
    expect(summary.unnoted).toEqual([{ cell: { sheet: "收支总表", row: 4, col: 4 }, reason: "threaded-comment" }]);
    expect(summary.noted).toBe(7);
  });

  it("keeps every other part byte for byte, in its place", () => {
    const names = [...after.keys()];
    expect(names.slice(0, before.size)).toEqual([...before.keys()]);
    for (const [name, bytes] of before) {
      if (MAY_CHANGE.has(name)) continue;
      expect([name, Buffer.from(after.get(name) as Uint8Array).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
    // Named for the record: what issue 15 listed as lost by the old writer.
    for (const kept of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "xl/workbook.xml",
      "docProps/custom.xml",
      "xl/sharedStrings.xml",
    ])
      expect(sha(after.get(kept) as Uint8Array)).toBe(sha(before.get(kept) as Uint8Array));
    // New parts: only the SDK sheet's notes (it had none) and its relationships.
    expect(names.slice(before.size).sort()).toEqual(["xl/comments2.xml", "xl/drawings/vmlDrawing2.vml", "xl/worksheets/_rels/sheet3.xml.rels"]);
  });

  it("changes nothing in the sheets but style ids, the cells it adds and a legacyDrawing where notes are new", () => {
    const s1 = [decode(before.get("xl/worksheets/sheet1.xml")!), decode(after.get("xl/worksheets/sheet1.xml")!)];
    // G9 had no cell and no row: one is inserted after row 5 (its style comes from column G's).
    expect(withoutStyles(s1[1])).toBe(withoutStyles(s1[0]).replace("</row></sheetData>", '</row><row r="9"><c r="G9"/></row></sheetData>'));
    const s2 = [decode(before.get("xl/worksheets/sheet2.xml")!), decode(after.get("xl/worksheets/sheet2.xml")!)];
    expect(withoutStyles(s2[1])).toBe(
      withoutStyles(s2[0]).replace('<c r="A3"><v>3</v></c></row>', '<c r="A3"><v>3</v></c><c r="B3"/></row><row r="7"><c r="B7"/></row>'),
    );
    const s3 = [decode(before.get("xl/worksheets/sheet3.xml")!), decode(after.get("xl/worksheets/sheet3.xml")!)];
    expect(withoutStyles(s3[1])).toBe(
      withoutStyles(s3[0]).replace(
        "</x:worksheet>",
        '<x:legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></x:worksheet>',
      ),
    );
    // Every other attribute of the marked cells is as it was: the ISO date keeps t="d" and its text.
    expect(s1[1]).toMatch(/<c r="C3" s="\d+" t="d"><v>2023-05-01T00:00:00<\/v><\/c>/);
  });

  it("fills each marked cell with the add-in's colour and keeps its number format, font, border, alignment, protection", () => {
    const cases: [string, string, "error" | "warning"][] = [
      ["收支总表", "B2", "error"],
      ["收支总表", "C3", "warning"],
      ["收支总表", "E5", "error"],
      ["支出表", "A1", "error"],
      ["SDK表", "B2", "error"],
    ];
    for (const [sheet, address, severity] of cases) {
      const was = cellFormat(before, sheet, address);
      const now = cellFormat(after, sheet, address);
      expect([sheet, address, now.fillRgb]).toEqual([sheet, address, argbOf(severity)]);
      const { fillId: _a, applyFill: _b, ...restWas } = was.xf;
      const { fillId: _c, applyFill: _d, ...restNow } = now.xf;
      expect(restNow).toEqual(restWas);
      expect(now.xfChildren).toBe(was.xfChildren);
    }
    expect(cellFormat(after, "收支总表", "B2").numFmtId).toBe("164");
    expect(cellFormat(after, "收支总表", "C3").numFmtId).toBe("14");
    // New cells take the format they showed before: column G's style 3, row 3's style 3 (customFormat), none for B7.
    expect(cellFormat(after, "收支总表", "G9").numFmtId).toBe("4");
    expect(cellFormat(after, "支出表", "B3").numFmtId).toBe("4");
    expect(cellFormat(after, "支出表", "B7").numFmtId).toBe("0");
    // Unmarked cells sharing a marked cell's style keep theirs.
    expect(cellFormat(after, "收支总表", "D5")).toEqual(cellFormat(before, "收支总表", "D5"));
    // Named styles, dxfs (used by the conditional formats) and number formats are untouched.
    const styles = [text(before, "xl/styles.xml"), text(after, "xl/styles.xml")];
    for (const el of ["numFmts", "fonts", "borders", "cellStyleXfs", "cellStyles", "dxfs", "tableStyles"]) {
      const pick = (xml: string) => xml.match(new RegExp(`<${el}[ >][\\s\\S]*?</${el}>|<${el} [^>]*/>`))?.[0];
      expect([el, pick(styles[1])]).toEqual([el, pick(styles[0])]);
    }
  });

  it("keeps every user note's text and appends ours (Excel's runs, split runs, openpyxl's plain text)", () => {
    const n1 = notesOf(after, "收支总表");
    expect(n1.get("B2")).toBe(`会计:\n已与总账核对 & 无误\n\n${MARK_PREFIX}错误：合计与明细之和不符（应为 1,235.50，实为 1,234.50）`);
    expect(n1.get("C3")).toBe(`截止日期 以公告为准\n\n${MARK_PREFIX}警告：日期晚于预算年度`);
    expect(n1.get("H1")).toBe("未标注的批注");
    expect(n1.get("G9")).toBe(`${MARK_PREFIX}警告：缺少金额`);
    // The threaded comment's placeholder note is left exactly as Excel wrote it.
    expect(n1.get("E5")).toBe(notesOf(before, "收支总表").get("E5"));
    const n2 = notesOf(after, "支出表");
    expect(n2.get("A1")).toBe(`来自 openpyxl 的批注\n\n${MARK_PREFIX}错误：合计行标题不规范`);
    expect(n2.get("B7")).toBe(`${MARK_PREFIX}警告：空行中的数`);
    expect(notesOf(after, "SDK表").get("B2")).toBe(`${MARK_PREFIX}错误：SDK 单元格`);
    // The rich runs of the user's note keep their formatting.
    expect(text(after, "xl/comments1.xml")).toContain('<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>会计:</t></r>');
  });

  it("keeps the form control in the VML and gives new note boxes fresh shape ids", () => {
    const vml = text(after, "xl/drawings/vmlDrawing1.vml");
    expect(vml.startsWith(RICH_PARTS["xl/drawings/vmlDrawing1.vml"].toString().slice(0, -"</xml>".length))).toBe(true);
    expect(vml).toContain('<x:ClientData ObjectType="Checkbox">');
    const ids = [...after.keys()]
      .filter((n) => n.endsWith(".vml"))
      .flatMap((n) => [...text(after, n).matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1])));
    expect(new Set(ids).size).toBe(ids.length);
    // New boxes: G9 on 收支总表 (B2 and C3 had theirs), B3 and B7 on 支出表 (A1 had one), B2 on SDK表 (a block of its own).
    expect(ids.length).toBe(5 + 1 + (1 + 2) + 1);
    expect(text(after, "xl/drawings/vmlDrawing2.vml")).toMatch(/<o:idmap v:ext="edit" data="3"\/>/);
    for (const [sheet, address] of [
      ["收支总表", "G9"],
      ["支出表", "B7"],
    ]) {
      const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
      const part = sheet === "收支总表" ? "xl/drawings/vmlDrawing1.vml" : "xl/drawings/commentsDrawing1.vml";
      expect(text(after, part)).toContain(`<x:Row>${row}</x:Row><x:Column>${col}</x:Column>`);
    }
  });

  it("opens with a strict read: every XML part parses, every relationship target exists, every part is typed", () => {
    expect(strictOpen(input)).toEqual([]);
    expect(strictOpen(data)).toEqual([]);
    const ct = text(after, "[Content_Types].xml");
    expect(ct).toContain('<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    // The SDK sheet's legacyDrawing points at its new VML.
    const rels = parseXml(text(after, "xl/worksheets/_rels/sheet3.xml.rels"));
    expect(descendants(rels, "Relationship").map((r) => [r.attrs.Id, r.attrs.Target])).toEqual([
      ["rId1", "../comments2.xml"],
      ["rId2", "../drawings/vmlDrawing2.vml"],
    ]);
  });

  it("never modifies the input", () => {
    expect(sha(input)).toBe(inputHash);
  });

  it("changes nothing at all when no cell is marked", () => {
    const same = unzip(annotateXlsx(input, [FINDINGS[8]]).data);
    for (const [name, bytes] of before) expect(Buffer.from(same.get(name) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(same.size).toBe(before.size);
  });
});

describe("--annotate on the published fixtures", () => {
  it.each(FIXTURE_NAMES.map((n) => [n]))("%s: only the marked sheet, styles, notes, rels and content types change", (name) => {
    const input = fs.readFileSync(fixturePath(name));
    const before = unzip(input);
    const sheets = [...sheetParts(before).keys()];
    const findings = [finding("error", sheets[1], "C7", "一号"), finding("warning", sheets[1], "D9", "二号"), finding("error", sheets[2], "B6", "三号")];
    const after = unzip(annotateXlsx(input, findings).data);
    const changed = [...before.keys()].filter((n) => !Buffer.from(after.get(n) as Uint8Array).equals(Buffer.from(before.get(n) as Uint8Array)));
    const marked = [sheetParts(before).get(sheets[1]), sheetParts(before).get(sheets[2])];
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/styles.xml", ...marked].sort());
    expect(strictOpen(annotateXlsx(input, findings).data)).toEqual([]);
    expect(cellFormat(after, sheets[1], "C7").fillRgb).toBe(argbOf("error"));
    expect(cellFormat(after, sheets[1], "D9").fillRgb).toBe(argbOf("warning"));
    expect(notesOf(after, sheets[2]).get("B6")).toBe(`${MARK_PREFIX}错误：三号`);
    expect(cellFormat(after, sheets[1], "C7").numFmtId).toBe(cellFormat(before, sheets[1], "C7").numFmtId);
  });
});

describe("annotateWorkbook (files)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-file-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the copy through a temporary file and leaves nothing else behind; the input keeps its bytes", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, richWorkbook());
    const hash = sha(fs.readFileSync(input));
    const out = path.join(dir, "out.xlsx");
    const s = await annotateWorkbook(input, out, FINDINGS);
    expect(s.marked).toBe(8);
    expect(sha(fs.readFileSync(input))).toBe(hash);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
    expect(strictOpen(fs.readFileSync(out))).toEqual([]);
  });

  it("refuses a FIFO as output or input with one line, and writes nothing", async () => {
    const input = path.join(dir, "in.xlsx");
    const fifo = path.join(dir, "pipe.xlsx");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      return; // no mkfifo on this platform
    }
    await expect(annotateWorkbook(input, fifo, FINDINGS)).rejects.toThrow(/^the output .*pipe\.xlsx is not a regular file/);
    await expect(annotateWorkbook(fifo, path.join(dir, "x.xlsx"), FINDINGS)).rejects.toThrow(/^the input .* is not a regular file/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    fs.rmSync(fifo);
  });

  it("a folder that does not exist: one line naming it, nothing left behind", async () => {
    const missing = path.join(dir, "没有的文件夹", "out.xlsx");
    await expect(annotateWorkbook(path.join(dir, "in.xlsx"), missing, FINDINGS)).rejects.toThrow(/^cannot write in .*没有的文件夹 \(ENOENT\)$/);
  });

  it("refuses a folder as output", async () => {
    await expect(annotateWorkbook(path.join(dir, "in.xlsx"), dir, FINDINGS)).rejects.toThrow(/not a regular file/);
  });
});

