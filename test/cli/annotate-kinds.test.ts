/**
 * `--annotate` on the other kinds of SpreadsheetML package the reader takes — macro-enabled workbooks (.xlsm),
 * templates (.xltx) and macro-enabled templates (.xltm): the copy keeps the kind (its workbook part's content type and
 * the VBA project byte for byte), and a copy named with another kind's extension, which Excel refuses to open, is not
 * written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import type { Finding } from "../../src/core/finding";
import { annotateWorkbook } from "../../src/cli/annotate";
import { readXlsxFile } from "../../src/cli/xlsx-grid";
import { argbOf } from "../../src/xlsx/annotate/annotate-xlsx";
import { extensionProblem, hasWorkbookExtension } from "../../src/xlsx/annotate/workbook-kind";
import { fixturePath } from "../helpers/fixtures";
import { cellFormat, text, unzip } from "../helpers/xlsx-parts";

const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const KINDS = {
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.main+xml",
};
/** Stands for a VBA project: binary, and must come out byte for byte. */
const VBA = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) & 0xff);

const error: Finding = {
  rule: "hierarchy.sum",
  severity: "error",
  message: "类合计与所属款之和不符",
  messageEn: "Class total does not equal the sum of its items",
  cells: [{ sheet: "基本支出表", row: 11, col: 3 }],
  expected: "1.00",
  actual: "2.00",
};

/** The sample as the given kind, with a VBA project part as Excel adds one to a macro-enabled kind. */
function asKind(contentType: string, macros: boolean): Uint8Array {
  const parts = unzip(fs.readFileSync(fixturePath("shijiazhuang-social-insurance-2023")));
  const types = text(parts, "[Content_Types].xml");
  expect(types).toContain(SHEET_TYPE);
  let withKind = types.replace(SHEET_TYPE, contentType);
  if (macros) {
    withKind = withKind.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    parts.set("xl/vbaProject.bin", VBA);
    const rels = text(parts, "xl/_rels/workbook.xml.rels");
    parts.set(
      "xl/_rels/workbook.xml.rels",
      new TextEncoder().encode(rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')),
    );
  }
  parts.set("[Content_Types].xml", new TextEncoder().encode(withKind));
  return zipSync(Object.fromEntries(parts));
}

describe("--annotate keeps the kind of workbook", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-kinds-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(Object.entries(KINDS))("%s: the copy named alike is marked, keeps its type and VBA project, and reads back", async (ext, contentType) => {
    const macros = ext !== ".xltx";
    const input = path.join(dir, `in${ext}`);
    fs.writeFileSync(input, asKind(contentType, macros));
    const output = path.join(dir, `out${ext}`);
    const summary = await annotateWorkbook(input, output, [error]);
    expect(summary.marked).toBe(1);
    const out = unzip(fs.readFileSync(output));
    expect(text(out, "[Content_Types].xml")).toContain(contentType);
    expect(text(out, "[Content_Types].xml")).not.toContain(SHEET_TYPE);
    if (macros) expect(Buffer.from(out.get("xl/vbaProject.bin")!).equals(Buffer.from(VBA))).toBe(true);
    expect(cellFormat(out, "基本支出表", "D12").fillRgb).toBe(argbOf("error"));
    expect((await readXlsxFile(output)).sheets.length).toBe((await readXlsxFile(input)).sheets.length);
  });

  it("a copy named with another kind's extension is refused, in one line in both languages, and nothing is written", async () => {
    const input = path.join(dir, "macros.xlsm");
    fs.writeFileSync(input, asKind(KINDS[".xlsm"], true));
    const output = path.join(dir, "copy.xlsx");
    const refusal = annotateWorkbook(input, output, [error]);
    await expect(refusal).rejects.toThrow("the file is a macro-enabled workbook: name the copy .xlsm (e.g. copy.xlsm), or Excel will not open it");
    await expect(refusal).rejects.toMatchObject({ zh: expect.stringContaining("启用宏的工作簿") });
    expect(fs.existsSync(output)).toBe(false);
    // And the other way round: an ordinary workbook is not written under a macro-enabled name.
    const plain = path.join(dir, "plain.xlsx");
    fs.copyFileSync(fixturePath("shijiazhuang-social-insurance-2023"), plain);
    await expect(annotateWorkbook(plain, path.join(dir, "plain-copy.xlsm"), [error])).rejects.toThrow("name the copy .xlsx (e.g. plain-copy.xlsx)");
  });

  it("names: the four kinds' extensions in any case; a type it does not know is not held against the name", () => {
    for (const name of ["a.xlsx", "b.XLSM", "c.xltx", "d.Xltm"]) expect(hasWorkbookExtension(name)).toBe(true);
    for (const name of ["a.xls", "b.csv", "xlsx", "c.xlsx.txt"]) expect(hasWorkbookExtension(name)).toBe(false);
    expect(extensionProblem(SHEET_TYPE, "x.XLSX")).toBeNull();
    expect(extensionProblem("application/vnd.example+xml", "x.xlsm")).toBeNull();
    expect(extensionProblem(undefined, "x.xlsm")).toBeNull();
    expect(extensionProblem(KINDS[".xltm"], "a.b/copy")?.en).toContain("e.g. a.b/copy.xltm");
  });
});
