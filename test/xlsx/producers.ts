/**
 * .xlsx files made in the tests the ways real producers write them (Excel, openpyxl, the .NET Open XML SDK,
 * LibreOffice, WPS), from a GridWorkbook and XML strings zipped with fflate — no binary fixtures. Each option is one
 * quirk a producer has; `render` combines them.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import { toA1 } from "../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import { isErrorValue } from "../../src/core/grid";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT = "http://schemas.openxmlformats.org/package/2006/content-types";

export interface ProducerForm {
  /** Prefix of every SpreadsheetML element (`x` for the Open XML SDK); none: the default namespace. */
  prefix?: string;
  /** Strings in a shared-strings part (Excel, openpyxl, LibreOffice, WPS) or inline (`t="inlineStr"`). */
  strings?: "shared" | "inline";
  /** Shared strings as rich-text runs (`<r><t>`) with a phonetic guide (`<rPh>`) that is not part of the text. */
  rich?: boolean;
  /** Write `r=` on cells / rows (default true). Without, every position up to a written cell must be written. */
  cellRefs?: boolean;
  rowRefs?: boolean;
  /** Relationship targets as absolute part names (openpyxl, the SDK): `/xl/worksheets/sheet1.xml`. */
  absoluteTargets?: boolean;
  /** Part names stored upper case while rels and [Content_Types] name them in lower/mixed case. */
  upperCaseParts?: boolean;
  /** Empty cells of the used area written with a style and no value (LibreOffice). */
  styledEmptyCells?: boolean;
  /** Cell styles before ours, as LibreOffice writes dozens. */
  extraXfs?: number;
  /** Excel/WPS extension namespaces: mc:Ignorable, x14ac:dyDescent, xr:uid, WPS' etc: elements, an extLst. */
  extensions?: boolean;
  /** `t="n"` on numbers (openpyxl). */
  typedNumbers?: boolean;
  /** A note (comments part + VML) and a picture (drawing + media) on the first sheet, as openpyxl writes them. */
  noteAndPicture?: boolean;
  /** No styles part at all (the SDK's minimal documents). */
  noStyles?: boolean;
  /** Sheet states by sheet name. */
  states?: Record<string, "hidden" | "veryHidden">;
  /** Defined names in the workbook (ignored by the reader). */
  definedNames?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(z);
}

/** Minimal package around ready sheet XML: for tests that need one odd part. */
export function bookWith(sheets: Array<{ name: string; xml: string; kind?: string; state?: string }>, extra: Record<string, string | Uint8Array> = {}, workbookExtra = ""): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookExtra}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.kind ?? "worksheet"}" Target="${s.kind === "chartsheet" ? "chartsheets" : "worksheets"}/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/${s.kind === "chartsheet" ? "chartsheets" : "worksheets"}/sheet${i + 1}.xml`] = s.xml));
  return zip({ ...parts, ...extra });
}

export const sheetXml = (rows: string, after = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** The workbook in the producer's form, as .xlsx bytes. */
export function render(wb: GridWorkbook, form: ProducerForm = {}): Uint8Array {
  const p = form.prefix ? `${form.prefix}:` : "";
  const nsDecl = form.prefix ? `xmlns:${form.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const ext = form.extensions
    ? ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" mc:Ignorable="x14ac xr etc"`
    : "";
  const strings = new Map<string, number>();
  const formats = new Map<string, number>();
  const extraXfs = form.extraXfs ?? 0;
  const styleOf = (fmt: string | null | undefined) => {
    if (!fmt || form.noStyles) return -1;
    if (!formats.has(fmt)) formats.set(fmt, formats.size);
    return 1 + extraXfs + formats.get(fmt)!;
  };
  const sheetParts = wb.sheets.map((sheet) => renderSheet(sheet));

  function cellXml(sheet: GridSheet, r: number, c: number): string | null {
    const v: CellValue | undefined = sheet.values[r]?.[c] ?? null;
    const f = sheet.formulas?.[r]?.[c] ?? null;
    const s = styleOf(sheet.numberFormats?.[r]?.[c]);
    const ref = form.cellRefs === false ? "" : ` r="${toA1(r, c)}"`;
    const sAttr = s >= 0 ? ` s="${s}"` : "";
    const fx = f ? `<${p}f>${esc(f)}</${p}f>` : "";
    if (v === null) {
      if (f) return `<${p}c${ref}${sAttr}>${fx}</${p}c>`;
      return form.styledEmptyCells || form.cellRefs === false ? `<${p}c${ref} s="${form.styledEmptyCells ? 1 : 0}"/>` : null;
    }
    if (typeof v === "number") return `<${p}c${ref}${sAttr}${form.typedNumbers ? ' t="n"' : ""}>${fx}<${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "boolean") return `<${p}c${ref}${sAttr} t="b">${fx}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (isErrorValue(v)) return `<${p}c${ref}${sAttr} t="e">${fx}<${p}v>${esc(v.error)}</${p}v></${p}c>`;
    if (f) return `<${p}c${ref}${sAttr} t="str">${fx}<${p}v>${esc(v)}</${p}v></${p}c>`;
    if (form.strings === "inline") return `<${p}c${ref}${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(v)}</${p}t></${p}is></${p}c>`;
    if (!strings.has(v)) strings.set(v, strings.size);
    return `<${p}c${ref}${sAttr} t="s"><${p}v>${strings.get(v)}</${p}v></${p}c>`;
  }

  function renderSheet(sheet: GridSheet): string {
    const rows = sheet.rowCount ?? sheet.values.length;
    const cols = sheet.colCount ?? Math.max(0, ...sheet.values.map((r) => r?.length ?? 0));
    const out: string[] = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${nsDecl} xmlns:r="${REL}"${ext}${form.extensions ? ' xr:uid="{00000000-0001-0000-0000-000000000000}"' : ""}>`,
      `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr><${p}dimension ref="A1:${toA1(Math.max(rows - 1, 0), Math.max(cols - 1, 0))}"/>`,
      `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews><${p}sheetFormatPr defaultRowHeight="15"${form.extensions ? ' x14ac:dyDescent="0.25"' : ""}/>`,
      `<${p}cols><${p}col min="1" max="${Math.max(cols, 1)}" width="12.5" customWidth="1"/></${p}cols>`,
      `<${p}sheetData>`,
    ];
    for (let r = 0; r < rows; r++) {
      let cells = "";
      let pending = "";
      for (let c = 0; c < cols; c++) {
        const x = cellXml(sheet, r, c);
        if (x === null) continue;
        // Without r= every position up to a written cell is written; trailing empty ones need not be.
        if (form.cellRefs === false && /^<[^>]*\/>$/.test(x) && !form.styledEmptyCells) pending += x;
        else {
          cells += pending + x;
          pending = "";
        }
      }
      if (!cells && form.rowRefs !== false) continue;
      const rowAttrs = `${form.rowRefs === false ? "" : ` r="${r + 1}"`}${form.extensions ? ' spans="1:9" x14ac:dyDescent="0.25"' : ""}${form.styledEmptyCells ? ' customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"' : ""}`;
      out.push(`<${p}row${rowAttrs}>${cells}</${p}row>`);
    }
    out.push(`</${p}sheetData>`);
    if (sheet.merges.length)
      out.push(`<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join("")}</${p}mergeCells>`);
    out.push(`<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
    if (form.extensions)
      out.push(`<${p}extLst><${p}ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></${p}ext></${p}extLst>`);
    out.push(`</${p}worksheet>`);
    return out.join("");
  }

  const name = (n: string) => (form.upperCaseParts ? n.toUpperCase() : n);
  const target = (dir: string, n: string) => (form.absoluteTargets ? `/${dir}${n}` : n);
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  wb.sheets.forEach((_, i) => {
    // Mixed case in the rel, upper case in the zip: Excel matches part names case-insensitively.
    const relTarget = form.upperCaseParts ? `Worksheets/Sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
    parts[name(`xl/worksheets/sheet${i + 1}.xml`)] = sheetParts[i];
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    wbRels.push(`<Relationship Id="R${(i + 1).toString(16)}a${i}" Type="${REL}/worksheet" Target="${target("xl/", relTarget)}"/>`);
  });
  if (strings.size) {
    const si = [...strings.keys()].map((s) =>
      form.rich && s.length > 1
        ? `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">${esc(s.slice(0, 1))}</${p}t></${p}r><${p}r><${p}t xml:space="preserve">${esc(s.slice(1))}</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ヨミ</${p}t></${p}rPh><${p}phoneticPr fontId="1"/></${p}si>`
        : `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`,
    );
    parts[name("xl/sharedStrings.xml")] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${nsDecl} count="${strings.size}" uniqueCount="${strings.size}">${si.join("")}</${p}sst>`;
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    wbRels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="${target("xl/", form.upperCaseParts ? "SharedStrings.xml" : "sharedStrings.xml")}"/>`);
  }
  if (!form.noStyles) {
    const fmts = [...formats.keys()];
    const xfs = [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];
    for (let i = 0; i < extraXfs; i++) xfs.push(`<${p}xf numFmtId="${i % 2 ? 49 : 0}" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="true"/>`);
    fmts.forEach((_, i) => xfs.push(`<${p}xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`));
    parts[name("xl/styles.xml")] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${nsDecl}><${p}numFmts count="${fmts.length}">${fmts.map((f, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</${p}numFmts><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts><${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills><${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="2"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><${p}xf numFmtId="4" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="${xfs.length}">${xfs.join("")}</${p}cellXfs><${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    wbRels.push(`<Relationship Id="rIdSty" Type="${REL}/styles" Target="${target("xl/", "styles.xml")}"/>`);
  }
  if (form.noteAndPicture) {
    parts[name("xl/worksheets/_rels/sheet1.xml.rels")] = `<Relationships xmlns="${PKG_REL}"><Relationship Id="comments" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/><Relationship Id="rId1" Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>`;
    parts[name("xl/comments/comment1.xml")] = `<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="B2" authorId="0"><text><t>复核：此处数据来自财务系统</t></text></comment></commentList></comments>`;
    parts[name("xl/drawings/commentsDrawing1.vml")] = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;
    parts[name("xl/drawings/drawing1.xml")] = `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Image 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
    parts[name("xl/drawings/_rels/drawing1.xml.rels")] = `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/image" Target="/xl/media/image1.png"/></Relationships>`;
    parts[name("xl/media/image1.png")] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    // openpyxl puts the legacyDrawing (notes) and drawing (picture) elements after pageMargins.
    parts[name("xl/worksheets/sheet1.xml")] = (parts[name("xl/worksheets/sheet1.xml")] as string).replace(
      `</${p}worksheet>`,
      `<${p}drawing r:id="rId1"/><${p}legacyDrawing r:id="anysvml"/></${p}worksheet>`,
    );
  }
  const sheetsXml = wb.sheets
    .map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${form.states?.[s.name] ? ` state="${form.states[s.name]}"` : ""} r:id="R${(i + 1).toString(16)}a${i}"/>`)
    .join("");
  const definedNames = form.definedNames
    ? `<${p}definedNames><${p}definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${esc(wb.sheets[0]?.name ?? "")}'!$A$1:$B$2</${p}definedName><${p}definedName name="合计区">'${esc(wb.sheets[0]?.name ?? "")}'!$A$1</${p}definedName></${p}definedNames>`
    : "";
  parts[name("xl/workbook.xml")] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${nsDecl} xmlns:r="${REL}"${ext}><${p}workbookPr defaultThemeVersion="124226"/><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets>${sheetsXml}</${p}sheets>${definedNames}<${p}calcPr calcId="191029"/></${p}workbook>`;
  parts[name("xl/_rels/workbook.xml.rels")] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`;
  parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${form.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  parts["docProps/core.xml"] = `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>财务科</dc:creator></cp:coreProperties>`;
  parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`;
  return zip(parts);
}
