import { recogniseSheet } from "../../../src/core/recognise";
import { rangeToA1 } from "../../../src/core/address";
import { checkWorkbook } from "../../../src/core/engine";
import { book, expenditureRows, nonInfo, rulesOf, sheet } from "../build";

describe("layout variants", () => {
  it("recognises a coded table with hierarchy (合计 → 类 → 款 → 项)", () => {
    const [t] = recogniseSheet(sheet("S", expenditureRows()));
    expect(t.kind).toBe("expenditure");
    expect(t.year).toBe(2023);
    const byCode = new Map(t.rows.filter((r) => r.code).map((r) => [r.code!.code, r]));
    expect(t.rows[byCode.get("2080505")!.parent!].code!.code).toBe("20805");
    expect(t.rows[byCode.get("20805")!.parent!].code!.code).toBe("208");
    expect(byCode.get("208")!.parent).toBeUndefined();
    expect(t.rows[0].role).toBe("total");
  });

  it("finds several tables stacked on one sheet", () => {
    const rows = [...expenditureRows(), [], [], ...expenditureRows().map((r) => r.map((v) => (v === "单位预算支出总表" ? "单位预算一般公共预算财政拨款支出表" : v)))];
    const tables = recogniseSheet(sheet("全部", rows));
    expect(tables.map((t) => [t.kind, rangeToA1(t.range)])).toEqual([
      ["expenditure", "A1:E8"],
      ["general-expenditure", "A11:E18"],
    ]);
  });

  it("skips page-break repeats (title, unit line, header) inside a table", () => {
    const base = expenditureRows();
    const rows = [...base.slice(0, 6), base[0], base[1], base[2], ...base.slice(6)];
    const [t] = recogniseSheet(sheet("S", rows));
    expect(t.repeatedHeaderRows).toEqual([6, 7, 8]);
    expect(t.rows.map((r) => r.code?.code ?? r.role)).toEqual(["total", "208", "20805", "2080501", "2080505"]);
    expect(nonInfo(checkWorkbook(book(sheet("S", rows))).findings)).toEqual([]);
  });

  it("reads codes split into 类/款/项 columns, including 款 typed as a number", () => {
    const rows = [
      ["单位预算支出总表"],
      ["单位：万元"],
      ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", null, null, null, null],
      [null, null, null, "合计", 180, 80, 100],
      ["208", 5, "05", "机关事业单位基本养老保险缴费支出", 180, 80, 100],
    ];
    const [t] = recogniseSheet(sheet("S", rows, ["A3:C3", "D3:D4", "E3:E4", "F3:F4", "G3:G4"]));
    expect(t.rows.find((r) => r.role === "code")!.code!.code).toBe("2080505");
    expect(t.unit).toBe("万元");
  });

  it("reads 'code name' written in one cell", () => {
    const rows = [
      ["单位预算支出总表"],
      ["项目", "合计", "基本支出", "项目支出"],
      ["合计", 180, 80, 100],
      ["208 社会保障和就业支出", 180, 80, 100],
      ["2080505 机关事业单位基本养老保险缴费支出", 180, 80, 100],
    ];
    const [t] = recogniseSheet(sheet("S", rows));
    const codes = t.rows.filter((r) => r.code).map((r) => [r.code!.code, r.code!.name]);
    expect(codes).toEqual([
      ["208", "社会保障和就业支出"],
      ["2080505", "机关事业单位基本养老保险缴费支出"],
    ]);
    expect(t.rows[2].parent).toBe(1);
  });

  it("skips the 栏次 row and the 序号 column", () => {
    const rows = [
      ["单位预算支出总表"],
      ["序号", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["栏次", 1, 2, 3, 4, 5],
      [1, null, "合计", 180, 80, 100],
      [2, "208", "社会保障和就业支出", 180, 80, 100],
    ];
    const [t] = recogniseSheet(sheet("S", rows));
    expect(t.columns.map((c) => c.role)).toEqual(["index", "code", "name", "amount", "amount", "amount"]);
    expect(t.rows).toHaveLength(2);
  });

  it("recognises a table without a title by its header words", () => {
    const rows = [
      ["部门经济分类科目", null, "一般公共预算基本支出", null, null],
      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
      [null, "合计", 10, 10, null],
      ["301", "工资福利支出", 10, 10, null],
    ];
    const tables = recogniseSheet(sheet("S", rows, ["A1:B1", "C1:E1"]));
    expect(tables.map((t) => t.kind)).toEqual(["basic-expenditure"]);
    expect(tables[0].rows.map((r) => r.role)).toEqual(["total", "code"]);
  });

  it("reads 元 as the unit of measure", () => {
    const rows = expenditureRows();
    rows[1] = ["某某中心", null, "预算年度：2024", null, "单位：元"];
    const [t] = recogniseSheet(sheet("S", rows));
    expect(t.unit).toBe("元");
    expect(t.year).toBe(2024);
  });

  it("recognises an empty table with its statement", () => {
    const rows = [
      ["单位预算政府性基金预算财政拨款支出表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["注：本单位无政府性基金预算财政拨款安排的支出，空表列示。"],
    ];
    const [t] = recogniseSheet(sheet("S", rows));
    expect(t.kind).toBe("fund-expenditure");
    expect(t.empty).toBe(true);
    expect(t.emptyStatement).toContain("空表列示");
  });

  it("classifies performance-target tables as other (not checked)", () => {
    const [t] = recogniseSheet(sheet("S", [["部门预算项目绩效目标表"], ["项目名称", "绩效指标", "指标值"], ["某项目", "数量", "100"]]));
    expect(t.kind).toBe("other");
  });
});

describe("comparison layouts (上年预算数 | 本年预算数 | 增减 | 增减率)", () => {
  const rows = () => [
    ["2024年单位预算支出总表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "2023年预算数", "2024年预算数", "增减额", "增减率(%)"],
    [null, "合计", 100, 120, 20, 20],
    ["208", "社会保障和就业支出", 100, 120, 20, 20],
    ["20805", "行政事业单位养老支出", 60, 70, 10, 16.67],
    ["2080505", "机关事业单位基本养老保险缴费支出", 60, 70, 10, 16.67],
    ["20899", "其他社会保障和就业支出", 40, 50, 10, 25],
    ["2089999", "其他社会保障和就业支出", 40, 50, 10, 25],
  ];
  it("does not add up rate columns", () => {
    const [t] = recogniseSheet(sheet("S", rows()));
    expect(t.columns.map((c) => c.role)).toEqual(["code", "name", "amount", "amount", "amount", "text"]);
    expect(checkWorkbook(book(sheet("S", rows()))).findings).toEqual([]);
  });

  it("compares the budget year's column across tables", () => {
    const summary = [
      ["2024年单位预算收支总表"],
      ["收入", null, "支出", null],
      ["项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 120, "一、社会保障和就业支出", 120],
      ["本年收入合计", 120, "本年支出合计", 120],
      ["收入总计", 120, "支出总计", 120],
    ];
    const wb = book(sheet("收支", summary, ["A2:B2", "C2:D2"]), sheet("支出", rows()));
    expect(nonInfo(checkWorkbook(wb).findings)).toEqual([]);
    wb.sheets[1].values[4][3] = 119; // 2024 column of 208
    const f = nonInfo(checkWorkbook(wb).findings);
    expect(f.some((x) => rulesOf(x).includes("cross.summary-expenditure-class"))).toBe(true);
  });
});

describe("header hazards", () => {
  it("a header cell reading 单位名称 is a header, not a unit line", () => {
    const rows = [
      ["2024年项目支出预算表"],
      ["部门名称：某某中心", null, null, "单位：万元"],
      ["项目名称", "单位名称", "合计", "一般公共预算"],
      ["合计", null, 30, 30],
      ["运转经费", "某某中心", 30, 30],
    ];
    const [t] = recogniseSheet(sheet("S", rows));
    expect(t.headerRows).toEqual([2]);
    expect(t.columns.map((c) => c.role)).toEqual(["name", "name", "amount", "amount"]);
    expect(checkWorkbook(book(sheet("S", rows))).findings).toEqual([]);
  });

  it("an empty 收支总表 without a 栏次 row: label rows are body rows, not header rows", () => {
    const rows = [
      ["2024年部门收支预算表"],
      ["收入", null, "支出", null],
      ["项目", "金额", "项目", "金额"],
      ["一、一般公共预算拨款收入", null, "一、一般公共服务支出", null],
      ["二、政府性基金预算拨款收入", null, "二、外交支出", null],
      ["本年收入合计", null, "本年支出合计", null],
      ["收入总计", null, "支出总计", null],
    ];
    const [t] = recogniseSheet(sheet("S", rows, ["A2:B2", "C2:D2"]));
    expect(t.kind).toBe("summary");
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.sides?.map((s) => s.rows.length)).toEqual([4, 4]);
  });
});
