import { CodeListError, decodeCsvBytes, parseCodeListCsv, parseCodeListGrid, parseCsv } from "../../../src/core/catalogue";
import type { CellValue, GridWorkbook } from "../../../src/core/grid";

function workbook(values: CellValue[][], name = "科目表.xlsx"): GridWorkbook {
  return { name, sheets: [{ name: "Sheet1", values, merges: [] }] };
}

const pairs = (wb: GridWorkbook) => parseCodeListGrid(wb).codes.map((c) => `${c.code} ${c.name}`);

/** GBK bytes of a string, via the decoder itself (every two-byte GBK sequence decoded once): no encoder library. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

describe("parseCodeListGrid: list shapes", () => {
  test("科目编码 / 科目名称 headers below a title; codes as numbers or text; classification and level from the code", () => {
    const list = parseCodeListGrid(
      workbook([
        ["2024年政府收支分类科目（支出功能分类）"],
        [],
        ["序号", "科目编码", "科目名称", "说明"],
        [1, 208, "社会保障和就业支出", "反映政府在社会保障与就业方面的支出。"],
        [2, "20805", "行政事业单位养老支出", ""],
        [3, 2080505, "机关事业单位基本养老保险缴费支出", "反映……"],
      ]),
    );
    expect(list.codes).toEqual([
      { code: "208", name: "社会保障和就业支出", level: "类", classification: "function" },
      { code: "20805", name: "行政事业单位养老支出", level: "款", classification: "function" },
      { code: "2080505", name: "机关事业单位基本养老保险缴费支出", level: "项", classification: "function" },
    ]);
    expect(list.classifications).toEqual([{ classification: "function", count: 3 }]);
    expect(list.titleYear).toBe(2024);
  });

  test("no header: the column of codes with names in the next column is found by content (not the 序号 column)", () => {
    const list = parseCodeListGrid(
      workbook([
        ["部门经济分类"],
        [1, "301", "工资福利支出"],
        [2, "30101", "基本工资"],
        [3, "30311", "代缴社会保险费"],
        [4, "501", "机关工资福利支出"],
        [5, "50101", "工资奖金津补贴"],
        ["合计", "", ""],
      ]),
    );
    expect(list.codes.map((c) => [c.code, c.classification])).toEqual([
      ["301", "dept-economic"],
      ["30101", "dept-economic"],
      ["30311", "dept-economic"],
      ["501", "gov-economic"],
      ["50101", "gov-economic"],
    ]);
    expect(list.classifications).toEqual([
      { classification: "dept-economic", count: 3 },
      { classification: "gov-economic", count: 2 },
    ]);
  });

  test("split 类 / 款 / 项 columns under a merged 科目编码 header, with empty 类/款 cells carried down", () => {
    expect(
      pairs(
        workbook([
          ["科目编码", null, null, "科目名称"],
          ["类", "款", "项", null],
          ["208", null, null, "社会保障和就业支出"],
          ["208", "05", null, "行政事业单位养老支出"],
          [null, null, "01", "行政单位离退休"],
          ["208", "05", "05", "机关事业单位基本养老保险缴费支出"],
          [null, "08", null, "抚恤"],
          [null, null, "01", "死亡抚恤"],
          ["合计", null, null, null],
        ]),
      ),
    ).toEqual([
      "208 社会保障和就业支出",
      "20805 行政事业单位养老支出",
      "2080501 行政单位离退休",
      "2080505 机关事业单位基本养老保险缴费支出",
      "20808 抚恤",
      "2080801 死亡抚恤",
    ]);
  });

  test("a staircase list (whole codes in the 类, 款 and 项 columns) reads the same", () => {
    expect(
      pairs(
        workbook([
          ["类", "款", "项", "名称"],
          ["210", "", "", "卫生健康支出"],
          ["", "21011", "", "行政事业单位医疗"],
          ["", "", "2101101", "行政单位医疗"],
        ]),
      ),
    ).toEqual(["210 卫生健康支出", "21011 行政事业单位医疗", "2101101 行政单位医疗"]);
  });

  test("full-width digits and names with spaces (full-width spaces too) are read; names keep single spaces", () => {
    expect(
      pairs(
        workbook([
          ["科目代码", "科目名称"],
          ["２０８", "社会保障和就业支出"],
          ["２０８０５", " 行政事业单位养老支出 "],
          ["２０８０５９９", "其他行政事业单位\u3000\u3000养老支出"],
          ["２１３０５５０", "衔接推进乡村振兴 补助"],
        ]),
      ),
    ).toEqual(["208 社会保障和就业支出", "20805 行政事业单位养老支出", "2080599 其他行政事业单位 养老支出", "2130550 衔接推进乡村振兴 补助"]);
  });

  test('"2080505 名称" in one cell (and "[2080505]名称" as finance systems export it)', () => {
    expect(
      pairs(
        workbook([
          ["功能分类科目", "金额"],
          ["208 社会保障和就业支出", 100],
          ["  20805 行政事业单位养老支出", 100],
          ["[2080505]机关事业单位基本养老保险缴费支出", 100],
          ["１０１０１０１　国内增值税", 5],
        ]),
      ),
    ).toEqual(["208 社会保障和就业支出", "20805 行政事业单位养老支出", "2080505 机关事业单位基本养老保险缴费支出", "1010101 国内增值税"]);
  });

  test("codes on several sheets are all read; a code repeated keeps its first name", () => {
    const wb: GridWorkbook = {
      name: "2025科目.xlsx",
      sheets: [
        { name: "封面", values: [["2025年政府收支分类科目"]], merges: [] },
        { name: "功能", values: [["科目编码", "科目名称"], ["201", "一般公共服务支出"], ["201", "重复"]], merges: [] },
        { name: "经济", values: [["科目编码", "科目名称"], ["301", "工资福利支出"]], merges: [] },
      ],
    };
    const list = parseCodeListGrid(wb);
    expect(list.codes.map((c) => `${c.code} ${c.name}`)).toEqual(["201 一般公共服务支出", "301 工资福利支出"]);
    expect(list.titleYear).toBe(2025);
  });

  test("a file with no codes is one clear error naming the file", () => {
    const bad = workbook(
      [
        ["单位名称", "金额"],
        ["某某局", 1200],
        ["2024", "合计"],
      ],
      "预算表.xlsx",
    );
    expect(() => parseCodeListGrid(bad)).toThrow(CodeListError);
    try {
      parseCodeListGrid(bad);
    } catch (e) {
      const err = e as CodeListError;
      expect(err.message).toContain("预算表.xlsx");
      expect(err.message.split("\n")).toHaveLength(1);
      expect(err.en).toContain("no codes found in 预算表.xlsx");
    }
    expect(() => parseCodeListCsv("", "empty.csv")).toThrow(/empty\.csv/);
  });
});

describe("CSV lists", () => {
  const text = '科目编码,科目名称\r\n208,社会保障和就业支出\r\n20805,"行政事业单位养老支出"\r\n2080505,"机关事业单位基本养老保险缴费支出, 含""职业年金"""\r\n';
  const expected = [
    "208 社会保障和就业支出",
    "20805 行政事业单位养老支出",
    '2080505 机关事业单位基本养老保险缴费支出, 含"职业年金"',
  ];
  const names = (bytes: Uint8Array) => parseCodeListCsv(bytes, "list.csv").codes.map((c) => `${c.code} ${c.name}`);

  test("UTF-8 without BOM", () => expect(names(new TextEncoder().encode(text))).toEqual(expected));

  test("UTF-8 with BOM", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    expect(bytes[0]).toBe(0xef);
    expect(names(bytes)).toEqual(expected);
  });

  test("GBK (what Excel on a Chinese Windows saves as CSV) is detected and decoded", () => {
    const bytes = gbk(text);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toBe(text);
    expect(names(bytes)).toEqual(expected);
  });

  test("tab-separated text and quoted newlines parse as fields", () => {
    expect(parseCsv('a\tb\n"x\ny"\tz')).toEqual([
      ["a", "b"],
      ["x\ny", "z"],
    ]);
  });
});
