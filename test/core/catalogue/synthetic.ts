/**
 * Test helper: a small catalogue with year changes, built through the real build step (buildClassification), so the
 * diff format and its application are tested together. Codes marked 虚构 are invented for the tests only.
 */
import { buildClassification, type SourceRow } from "../../../scripts/build-catalogue";
import { createCatalogue, type Catalogue } from "../../../src/core/catalogue";

function rows(spec: [string, string, number, number][]): SourceRow[] {
  return spec.map(([code, name, from, to], i) => ({ code, name, from, to, line: i + 1 }));
}

export const FUNCTION_ROWS = rows([
  ["208", "社会保障和就业支出", 2022, 2026],
  ["20805", "行政事业单位养老支出", 2022, 2026],
  ["2080501", "行政单位离退休", 2022, 2026],
  ["2080505", "机关事业单位基本养老保险缴费支出", 2022, 2026],
  // Removed after 2023.
  ["2080598", "虚构停用科目", 2022, 2023],
  // Added in 2024.
  ["2080597", "虚构新增科目", 2024, 2026],
  // Renamed in 2025.
  ["20899", "虚构旧名称", 2022, 2024],
  ["20899", "虚构新名称", 2025, 2026],
  ["210", "卫生健康支出", 2022, 2026],
  ["21011", "行政事业单位医疗", 2022, 2026],
  ["2101101", "行政单位医疗", 2022, 2026],
]);

export const DEPT_ROWS = rows([
  ["301", "工资福利支出", 2022, 2026],
  ["30101", "基本工资", 2022, 2026],
  ["30108", "机关事业单位基本养老保险缴费", 2022, 2026],
]);

export const GOV_ROWS = rows([
  ["501", "机关工资福利支出", 2022, 2026],
  ["50101", "工资奖金津补贴", 2022, 2026],
  ["50102", "社会保障缴费", 2022, 2026],
  ["505", "对事业单位经常性补助", 2022, 2026],
  ["50501", "工资福利支出", 2022, 2026],
]);

export function syntheticCatalogue(): Catalogue {
  return createCatalogue({
    classifications: [
      // The 类 list and 20805 are declared complete; 21011 is not, so codes missing below it are "not covered".
      buildClassification("function", FUNCTION_ROWS, [
        ["", 2022, 2026],
        ["20805", 2022, 2026],
      ]),
      buildClassification("dept-economic", DEPT_ROWS),
      buildClassification("gov-economic", GOV_ROWS),
    ],
    pairing: { "30101": ["50101", "50501"], "30108": ["50102", "50501"] },
  });
}
