import { kindFromTitle } from "../../../src/core/recognise/kinds";

it.each([
  ["单位预算收支总表", "summary"],
  ["2022年部门收支预算表", "summary"],
  ["收入支出预算总表", "summary"],
  ["2023年度收入支出决算总表", "summary"],
  ["单位预算财政拨款收支总表", "fiscal-summary"],
  ["财政拨款收入支出预算总表", "fiscal-summary"],
  ["单位预算收入总表", "revenue"],
  ["2022年部门收入预算表", "revenue"],
  ["单位预算支出总表", "expenditure"],
  ["2022年部门支出预算表", "expenditure"],
  ["单位预算一般公共预算财政拨款支出表", "general-expenditure"],
  ["单位预算一般公共预算财政拨款基本支出表", "basic-expenditure"],
  ["单位预算政府基金预算财政拨款支出表", "fund-expenditure"],
  ["政府性基金预算财政拨款收入支出表", "fund-expenditure"],
  ["国有资本经营预算财政拨款支出表", "state-capital-expenditure"],
  ["单位预算财政拨款“三公”经费支出表", "three-public"],
  ["一般公共预算财政拨款“三公”经费及会议费、培训费支出表", "three-public"],
  ["2022年支出经济分类汇总表", "economic-summary"],
  ["2022年项目支出预算表", "project-expenditure"],
  ["部门预算项目绩效目标表", "other"],
  ["政府采购预算表", "other"],
])("%s → %s", (title, kind) => {
  expect(kindFromTitle(title)).toBe(kind);
});
