/**
 * `--units map.csv`: which department each unit workbook belongs to, for `workbooks.department-sum` when the unit
 * lines do not say (or say it differently). Two columns: the unit's workbook (its path as the report shows it, or
 * its file name) and the department (its workbook's path or file name, or the department's name). A header row,
 * blank lines and lines starting with # are skipped; commas, tabs or semicolons separate; quotes are removed.
 */
export class UnitsMapError extends Error {}

function fields(line: string): string[] {
  return line.split(/[,\t;，]/).map((f) => f.trim().replace(/^"(.*)"$/, "$1").trim());
}

export function parseUnitsMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    const [unit, dept] = fields(line);
    if (i === 0 && /^(单位|unit|file|文件|workbook|工作簿)/i.test(unit ?? "") && !/\.xlsx$/i.test(unit ?? "")) return;
    if (!unit || !dept) throw new UnitsMapError(`第 ${i + 1} 行应为“单位工作簿,部门” / line ${i + 1} must be "unit workbook,department"`);
    map.set(unit.replace(/\\/g, "/"), dept.replace(/\\/g, "/"));
  });
  return map;
}
