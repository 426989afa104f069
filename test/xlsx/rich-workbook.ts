/**
 * A workbook with everything `--annotate` must not lose, built from XML strings the way Excel, openpyxl and the
 * Open XML SDK write them: a chart and a picture (twoCellAnchor graphicFrame, oneCellAnchor pic + media), threaded
 * comments with persons, notes in Excel's form (author run + text run), split in several runs, and openpyxl's form
 * (one plain <t>, under xl/comments/), a VML with a form control beside the notes, workbook and sheet protection,
 * defined names, named styles, every conditional-format kind (incl. an x14 dataBar in extLst), data validations
 * (incl. x14 in extLst), custom document properties with a sensitivity label, an ISO date cell (t="d"), inline and
 * shared strings, and a sheet written with the `x:` prefix and cells without r=.
 */
import { zipSync } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const RICH_PARTS: Record<string, string | Uint8Array> = {
  "[Content_Types].xml":
    DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
    '<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
    '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
    '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
    "</Types>",
  "_rels/.rels":
    DECL +
    `<Relationships xmlns="${PKG_R}">` +
    `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId4" Type="${R}/custom-properties" Target="docProps/custom.xml"/>` +
    "</Relationships>",
  "docProps/app.xml":
    DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
  "docProps/core.xml":
    DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>财务科</dc:creator></cp:coreProperties>',
  "docProps/custom.xml":
    DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_3f2a1b7c-0000-4c1e-9d2a-1234567890ab_Enabled"><vt:lpwstr>true</vt:lpwstr></property>' +
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_3f2a1b7c-0000-4c1e-9d2a-1234567890ab_Name"><vt:lpwstr>内部</vt:lpwstr></property>' +
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property>' +
    "</Properties>",
  "xl/workbook.xml":
    DECL +
    `<workbook xmlns="${MAIN}" xmlns:r="${R}">` +
    '<workbookPr defaultThemeVersion="166925"/>' +
    '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x9Qx" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    '<sheets><sheet name="收支总表" sheetId="1" r:id="rId1"/><sheet name="支出表" sheetId="2" r:id="rId2"/><sheet name="SDK表" sheetId="3" r:id="rId3"/></sheets>' +
    "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">收支总表!$A$1:$H$20</definedName>" +
    "<definedName name=\"合计\">收支总表!$B$2</definedName></definedNames>" +
    '<calcPr calcId="191029"/></workbook>',
  "xl/_rels/workbook.xml.rels":
    DECL +
    `<Relationships xmlns="${PKG_R}">` +
    `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet3.xml"/>` +
    `<Relationship Id="rId4" Type="${R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId5" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>` +
    "</Relationships>",
  "xl/styles.xml":
    DECL +
    `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00;[Red]\\(#,##0.00\\)"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
    '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment horizontal="right"/><protection locked="0"/></xf>' +
    '<xf numFmtId="14" fontId="1" fillId="0" borderId="1" xfId="1" applyNumberFormat="1"/>' +
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="2"><cellStyle name="常规" xfId="0" builtinId="0"/><cellStyle name="审核标题" xfId="1"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
  "xl/sharedStrings.xml": DECL + `<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>项目</t></si><si><r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r></si></sst>`,
  // 收支总表: Excel's forms. B2 has a note (author run + text run), C3 a date and a note split in three runs, E5 a
  // threaded comment (and its legacy placeholder note), H1 an unmarked note. The VML holds a form control too.
  "xl/worksheets/sheet1.xml":
    DECL +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x14ac xr" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    '<dimension ref="A1:H9"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><cols><col min="7" max="7" width="12" style="3" customWidth="1"/></cols>' +
    "<sheetData>" +
    '<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="H1"><v>8</v></c></row>' +
    '<row r="2" spans="1:8"><c r="A2" t="inlineStr"><is><t>社会保障&amp;就业</t></is></c><c r="B2" s="1"><v>1234.5</v></c></row>' +
    '<row r="3" spans="1:8"><c r="C3" s="2" t="d"><v>2023-05-01T00:00:00</v></c></row>' +
    '<row r="5" spans="1:8"><c r="D5" s="1"><v>1</v></c><c r="E5" s="1"><f>SUM(B2,D5)</f><v>1235.5</v></c></row>' +
    "</sheetData>" +
    '<sheetProtection algorithmName="SHA-512" hashValue="aGFzaA==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' +
    '<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="D2:D9"><cfRule type="expression" dxfId="0" priority="2"><formula>$D2&lt;&gt;$E2</formula></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="E2:E9"><cfRule type="colorScale" priority="3"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="F2:F9"><cfRule type="dataBar" priority="4"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
    '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{1B4A3E2C-0000-4000-8000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="G2:G9"><cfRule type="iconSet" priority="5"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="B2:B9"><formula1>0</formula1></dataValidation></dataValidations>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{1B4A3E2C-0000-4000-8000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>F2:F9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>' +
    '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>支出表!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>A2:A9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>' +
    "</worksheet>",
  "xl/worksheets/_rels/sheet1.xml.rels":
    DECL +
    `<Relationships xmlns="${PKG_R}">` +
    `<Relationship Id="rId3" Type="${R}/comments" Target="../comments1.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
    `<Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>` +
    '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
    "</Relationships>",
  "xl/comments1.xml":
    DECL +
    `<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
    "<authors><author>tc={6A1E0C3B-0000-4000-8000-00000000000A}</author><author>会计</author></authors><commentList>" +
    '<comment ref="E5" authorId="0" shapeId="0" xr:uid="{6A1E0C3B-0000-4000-8000-00000000000A}"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    请核对本行</t></text></comment>' +
    '<comment ref="B2" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>会计:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n已与总账核对 &amp; 无误</t></r></text></comment>' +
    '<comment ref="C3" authorId="1" shapeId="0"><text><r><t>截止</t></r><r><rPr><i/></rPr><t>日期</t></r><r><t xml:space="preserve"> 以公告为准</t></r></text></comment>' +
    '<comment ref="H1" authorId="1" shapeId="0"><text><r><t>未标注的批注</t></r></text></comment>' +
    "</commentList></comments>",
  "xl/drawings/vmlDrawing1.vml":
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout>' +
    '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/><o:lock v:ext="edit" shapetype="t"/></v:shapetype>' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t201" style=\'position:absolute;margin-left:300pt;margin-top:10pt;width:80pt;height:20pt;z-index:1\' filled="f" stroked="f"><v:textbox style=\'mso-direction-alt:auto\'><div style=\'text-align:left\'><font face="宋体" size="180" color="auto">已审核</font></div></v:textbox><x:ClientData ObjectType="Checkbox"><x:Anchor>6, 0, 1, 0, 7, 0, 2, 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:Checked>1</x:Checked><x:FmlaLink>$H$2</x:FmlaLink></x:ClientData></v:shape>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    ["B2:1:1", "C3:2:2", "E5:4:4", "H1:0:7"]
      .map((s, i) => {
        const [, row, col] = s.split(":");
        return `<v:shape id="_x0000_s${1026 + i}" type="#_x0000_t202" style='position:absolute;visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox style='mso-direction-alt:auto'><div style='text-align:left'></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
      })
      .join("") +
    "</xml>",
  "xl/threadedComments/threadedComment1.xml":
    DECL +
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<threadedComment ref="E5" dT="2024-03-01T08:00:00.00" personId="{5B7A1E2D-0000-4000-8000-000000000001}" id="{6A1E0C3B-0000-4000-8000-00000000000A}"><text>请核对本行</text></threadedComment></ThreadedComments>',
  "xl/persons/person.xml":
    DECL +
    '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<person displayName="李四" id="{5B7A1E2D-0000-4000-8000-000000000001}" userId="lisi@example.cn" providerId="AD"/></personList>',
  "xl/drawings/drawing1.xml":
    DECL +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="公章"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
  "xl/drawings/_rels/drawing1.xml.rels":
    DECL +
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${R}/image" Target="../media/image1.png"/></Relationships>`,
  "xl/charts/chart1.xml":
    DECL +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>收支总表!$B$2:$B$9</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
    "</c:plotArea></c:chart></c:chartSpace>",
  // A PNG's first bytes then noise: media are copied as bytes, never parsed.
  "xl/media/image1.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]),
  // 支出表: openpyxl's form — the note is one plain <t>, the parts live under xl/comments/ and commentsDrawing1.vml.
  "xl/worksheets/sheet2.xml":
    DECL +
    `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr><dimension ref="A1:B3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>` +
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c><c r="B1" s="3"><v>99.5</v></c></row><row r="3" s="3" customFormat="1"><c r="A3"><v>3</v></c></row></sheetData>' +
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>' +
    `<legacyDrawing xmlns:r="${R}" r:id="anysvml"/></worksheet>`,
  "xl/worksheets/_rels/sheet2.xml.rels":
    DECL +
    `<Relationships xmlns="${PKG_R}"><Relationship Id="comments" Type="${R}/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="${R}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`,
  "xl/comments/comment1.xml":
    DECL + `<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>来自 openpyxl 的批注</t></text></comment></commentList></comments>`,
  "xl/drawings/commentsDrawing1.vml":
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="2"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    '<v:shape id="_x0000_s2049" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  // SDK表: the Open XML SDK's x: prefix, no r: namespace declared, cells and rows without r=, no relationships part.
  "xl/worksheets/sheet3.xml":
    DECL +
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>项目</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>2</x:v></x:c><x:c s="3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
};

export function richWorkbook(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(RICH_PARTS)) files[name] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return zipSync(files);
}
