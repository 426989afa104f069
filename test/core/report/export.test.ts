/** CSV (RFC 4180, BOM, CRLF) and JSON export of the findings list. */
import { a1, publicCell } from "../../../src/core/finding";
import { checkWorkbook } from "../../../src/core/engine";
import { CSV_HEADER, csvField, findingsToCsv, findingsToJson } from "../../../src/core/report/export";
import type { Finding } from "../../../src/core/finding";
import { loadFixture } from "../../helpers/fixtures";

/** A strict RFC 4180 reader, to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") throw new Error(`bare line break at ${i}`);
    else field += ch;
    i++;
  }
  if (field !== "" || row.length) throw new Error("missing final CRLF");
  return rows;
}

const TRICKY: Finding = {
  rule: "hierarchy.sum",
  severity: "error",
  message: "支出总表!D8 应为 1,520.61，实为 \"1,520.62\"\n（差 0.01）",
  messageEn: "=HYPERLINK(\"x\"), with a comma",
  cells: [
    { sheet: "支出,总表", row: 7, col: 3 },
    { sheet: "支出总表", row: 8, col: 3 },
  ],
  expected: "1520.61",
  actual: "-0.01",
};

describe("findingsToCsv", () => {
  it("starts with a UTF-8 BOM and the bilingual header, ends every record with CRLF", () => {
    const csv = findingsToCsv([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe(`\uFEFF${CSV_HEADER.join(",")}\r\n`);
    expect(CSV_HEADER.slice(0, 8)).toEqual(["严重程度/severity", "规则/rule", "工作表/sheet", "单元格/cell", "应为/expected", "实为/actual", "说明/message", "messageEn"]);
  });

  it("quotes commas, quotes and line breaks, and reads back field for field", () => {
    const rows = parseCsv(findingsToCsv([TRICKY]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(["错误/error", "hierarchy.sum", "支出,总表", "D8", "1520.61", "-0.01", TRICKY.message, `'${TRICKY.messageEn}`, "支出总表!D9"]);
  });

  it("defuses text Excel would run as a formula, but keeps negative numbers", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@x")).toBe("'@x");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("-12.00")).toBe("-12.00");
    expect(csvField("≤ 2197.83")).toBe("≤ 2197.83");
  });

  it("exports a real check: one record per finding, Chinese intact", async () => {
    const result = checkWorkbook(await loadFixture("henan-yibin-social-security-2022"));
    const rows = parseCsv(findingsToCsv(result.findings).slice(1));
    expect(rows).toHaveLength(result.findings.length + 1);
    for (const [i, f] of result.findings.entries()) {
      expect(rows[i + 1].slice(1, 4)).toEqual([f.rule, f.cells[0].sheet, a1(f.cells[0])]);
      expect(rows[i + 1][6]).toBe(f.message);
    }
    expect(rows[1][0]).toBe("警告/warning");
  });
});

describe("findingsToJson", () => {
  it("round-trips to the same spec §3 records, with the keys in spec order", () => {
    const partial: Finding = { rule: "document.missing-table", severity: "warning", message: "缺少", messageEn: "missing", cells: [{ sheet: "收支总表", row: 0, col: 0 }] };
    const json = findingsToJson([TRICKY, partial]);
    expect(JSON.parse(json)).toEqual([TRICKY, partial].map((f) => ({ ...f, cells: f.cells.map(publicCell) })));
    expect(Object.keys(JSON.parse(json)[0])).toEqual(["rule", "severity", "message", "messageEn", "cells", "expected", "actual"]);
    expect(Object.keys(JSON.parse(json)[1])).not.toContain("expected");
  });

  it("an empty list is []", () => {
    expect(findingsToJson([])).toBe("[]");
  });
});
